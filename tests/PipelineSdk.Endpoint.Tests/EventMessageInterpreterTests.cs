using System.Text.Json.Nodes;
using System.Text;
using PipelineSdk.Endpoint;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>The message rules of the Python jobs-manager, without HTTP.</summary>
public class EventMessageInterpreterTests
{
    private const string Job = "107653ca-020f-5f03-9663-41cff415b087";

    private static EventMessageInterpretation Interpret(string? body, string? contentType = "application/json", params (string, string?)[] query) =>
        EventMessageInterpreter.Interpret(
            query.ToDictionary(p => p.Item1, p => p.Item2),
            Encoding.UTF8.GetBytes(body ?? ""),
            contentType);

    [Fact]
    public void Url_parameters_only_with_an_empty_body_carry_the_note_as_data()
    {
        var result = Interpret(null, null, ("uuid", Job), ("event", "run"), ("token", "0123456789abcdef"), ("note", "from curl"));

        Assert.True(result.IsValid);
        Assert.Equal(Job, result.Request.Uuid);
        Assert.Equal(JobEvent.Run, result.Request.Event);
        Assert.Equal("0123456789abcdef", result.Request.Token);
        Assert.Equal("""{"note":"from curl"}""", result.Request.Data!.ToJsonString());
        Assert.Equal(EventMessageForm.UrlParameters, result.Request.Form);
    }

    [Fact]
    public void Name_is_accepted_like_event_and_the_default_note_is_the_originals()
    {
        var result = Interpret("not json at all", "text/plain", ("uuid", Job), ("name", "UPDATE"));

        Assert.Equal(JobEvent.Update, result.Request!.Event);
        Assert.Equal("""{"note":"Event had no JSON payload"}""", result.Request.Data!.ToJsonString());
        Assert.Null(result.Request.Token);
    }

    [Fact]
    public void The_text_null_as_token_means_no_token()
    {
        Assert.Null(Interpret(null, null, ("uuid", Job), ("event", "run"), ("token", "null")).Request!.Token);
    }

    [Fact]
    public void A_json_event_body_overrides_the_url_parameters()
    {
        var result = Interpret("""{"uuid":"JOB","name":"finish","data":{"percent":100},"token":"fedcba9876543210"}""".Replace("JOB", Job),
            "application/json", ("uuid", "107aaaaa-0000-5000-8000-000000000000"), ("event", "run"), ("token", "0123456789abcdef"), ("note", "ignored"));

        Assert.Equal(Job, result.Request!.Uuid);
        Assert.Equal(JobEvent.Finish, result.Request.Event);
        Assert.Equal("fedcba9876543210", result.Request.Token);
        Assert.Equal("""{"percent":100}""", result.Request.Data!.ToJsonString());
        Assert.Equal(EventMessageForm.JsonEvent, result.Request.Form);
    }

    [Fact]
    public void A_json_event_body_without_data_keeps_the_url_note()
    {
        var result = Interpret("""{"name":"update"}""", "application/json", ("uuid", Job), ("note", "hello"));

        Assert.Equal("""{"note":"hello"}""", result.Request!.Data!.ToJsonString());
    }

    [Fact]
    public void Abacos_message_field_is_unwrapped()
    {
        var wrapped = new JsonObject { ["message"] = $$"""{"uuid":"{{Job}}","name":"run"}""" }.ToJsonString();

        var result = Interpret(wrapped);

        Assert.Equal(JobEvent.Run, result.Request!.Event);
        Assert.Equal(Job, result.Request.Uuid);
    }

    [Fact]
    public void A_running_notification_keeps_the_job_body_minus_links_retries_and_local_id()
    {
        var body = """{"id":"687-007","name":"fresh-yak","appId":"fcs-etl-0.3.6u12","status":"running","retries":0,"localId":"1264","_links":{"self":{"href":"x"}},"archivePath":"/a"}""";

        var result = Interpret(body, "application/json", ("uuid", Job), ("token", "0123456789abcdef"));

        Assert.Equal(EventMessageForm.JobNotification, result.Request!.Form);
        Assert.Equal(JobEvent.Run, result.Request.Event);
        Assert.Equal("RUNNING", result.Request.AgaveStatus);
        Assert.Equal(Job, result.Request.Uuid); // the Agave job's own "name" is not an event name
        Assert.Equal("""{"id":"687-007","name":"fresh-yak","appId":"fcs-etl-0.3.6u12","status":"running","archivePath":"/a"}""", result.Request.Data!.ToJsonString());
    }

    [Fact]
    public void Other_notifications_store_only_the_status_and_the_body_status_overrides_the_url()
    {
        var result = Interpret("""{"appId":"app-1.0","status":"finished"}""", "application/json", ("uuid", Job), ("status", "RUNNING"));

        Assert.Equal(JobEvent.Finish, result.Request!.Event);
        Assert.Equal("""{"status":"FINISHED"}""", result.Request.Data!.ToJsonString());
    }

    [Fact]
    public void An_event_in_the_url_wins_over_the_status_mapping()
    {
        var result = Interpret("""{"appId":"app-1.0","status":"FINISHED"}""", "application/json", ("uuid", Job), ("event", "update"));

        Assert.Equal(JobEvent.Update, result.Request!.Event);
    }

    // The Python original (LS/mappings.py), with UPDATED mapped to update; unknown statuses give update (manager default).
    [Theory]
    [InlineData("CREATED", "resource")]
    [InlineData("PERMISSION_GRANT", "resource")]
    [InlineData("PERMISSION_REVOKE", "resource")]
    [InlineData("PENDING", "resource")]
    [InlineData("STAGING_INPUTS", "resource")]
    [InlineData("CLEANING_UP", "resource")]
    [InlineData("ARCHIVING", "resource")]
    [InlineData("STAGING_JOB", "resource")]
    [InlineData("PAUSED", "resource")]
    [InlineData("QUEUED", "resource")]
    [InlineData("SUBMITTING", "resource")]
    [InlineData("STAGED", "resource")]
    [InlineData("PROCESSING_INPUTS", "resource")]
    [InlineData("ARCHIVING_FINISHED", "resource")]
    [InlineData("RUNNING", "run")]
    [InlineData("FINISHED", "finish")]
    [InlineData("FAILED", "fail")]
    [InlineData("STOPPED", "fail")]
    [InlineData("DELETED", "fail")]
    [InlineData("ARCHIVING_FAILED", "fail")]
    [InlineData("KILLED", "update")]
    [InlineData("HEARTBEAT", "update")]
    [InlineData("UPDATED", "update")]
    [InlineData("SOMETHING_NEW", "update")]
    public void Each_agave_status_maps_to_its_event(string status, string expected)
    {
        var fromUrl = Interpret(null, null, ("uuid", Job), ("status", status.ToLowerInvariant()));
        var fromBody = Interpret($$"""{"appId":"app-1.0","status":"{{status}}"}""", "application/json", ("uuid", Job));

        Assert.Equal(expected, fromUrl.Request!.Event.ToWireName());
        Assert.Equal(expected, fromBody.Request!.Event.ToWireName());
    }

    [Theory]
    [InlineData(null, "run", "missing uuid")]
    [InlineData(Job, null, "missing event")]
    [InlineData(null, null, "missing uuid (the 'uuid' URL parameter or the body's 'uuid') and event")]
    public void Missing_uuid_or_event_is_a_400_saying_which(string? uuid, string? jobEvent, string expected)
    {
        var result = Interpret(null, null, ("uuid", uuid), ("event", jobEvent));

        Assert.False(result.IsValid);
        Assert.Equal(400, result.Error.StatusCode);
        Assert.Equal("validation", result.Error.TypeName);
        Assert.Contains(expected, result.Error.Message);
    }

    [Theory]
    [InlineData("{\"name\": ", "application/json", "not valid JSON (line 1")]
    [InlineData("[1,2]", "application/json", "must be an object")]
    [InlineData("{\"name\":\"run\",\"colour\":\"red\"}", "application/json", "'/colour'")]
    [InlineData("{\"name\":\"run\",\"data\":[1]}", "application/json", "'/data' must be a JSON object")]
    [InlineData("{\"name\":5}", "application/json", "'/name' must be a string")]
    [InlineData("{\"name\":\"updated\"}", "application/json", "'updated' is not a PipelineJob event")]
    [InlineData("{\"name\":\"create\"}", "application/json", "'create' is sent only by the SDK")]
    [InlineData("{\"name\":\"run\",\"event\":\"fail\"}", "application/json", "disagree")]
    public void Malformed_bodies_are_400_naming_the_problem(string body, string contentType, string expected)
    {
        var result = Interpret(body, contentType, ("uuid", Job));

        Assert.False(result.IsValid);
        Assert.Equal(400, result.Error.StatusCode);
        Assert.Contains(expected, result.Error.Message);
    }

    [Fact]
    public void A_uuid_that_is_not_a_typed_uuid_is_a_400()
    {
        var result = Interpret(null, null, ("uuid", "ThisCanNeverEverEverWork"), ("event", "run"));

        Assert.Contains("not a typed uuid", result.Error!.Message);
    }

    [Fact]
    public void The_request_never_prints_its_token()
    {
        var result = Interpret(null, null, ("uuid", Job), ("event", "run"), ("token", "0123456789abcdef"));

        Assert.DoesNotContain("0123456789abcdef", result.Request!.ToString());
    }
}
