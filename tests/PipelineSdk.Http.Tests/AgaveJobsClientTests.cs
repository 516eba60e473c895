using System.Net;
using System.Text.Json.Nodes;
using PipelineSdk.Agave;
using PipelineSdk.Errors;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;
using PipelineSdk.Identifiers;
using PipelineSdk.Tokens;
using PipelineSdk.Urls;

namespace PipelineSdk.Http.Tests;

public sealed class AgaveJobsClientTests
{
    private const string StaticToken = "static-token-0123456789";
    private const string Nonce = "SD2E_nonce_Zq81xLmP";
    private const string CallbackToken = "75e323a3576d3838";
    private const string JobUuid = "107b93f3-1eae-5e79-8a18-0a480f8aa3a5";

    private static readonly IReadOnlyList<AgaveNotification> Notifications = AgaveNotification.ForPipelineJob(status =>
        CallbackUrls.Build("https://api.sd2e.org", "jobs-manager.prod", Nonce, new CallbackToken(CallbackToken), JobUuid, "wanted-mollusk", status));

    private static AgaveJobDefinition Definition => new()
    {
        Name = "tacobot-run",
        AppId = "tacobot-0.1.0u1",
        Inputs = new JsonObject { ["file1"] = "agave://data-sd2e-community/uploads/a.fcs" },
        Parameters = new JsonObject { ["threshold"] = 0.5 },
        Archive = true,
        ArchiveSystem = "data-sd2e-community",
        ArchivePath = "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp",
        AdditionalFields = new JsonObject { ["maxRunTime"] = "01:00:00" },
    };

    [Fact]
    public async Task Submit_posts_the_definition_with_the_notifications_attached_and_returns_the_job()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.ValidAccessToken = StaticToken;

        var job = await host.AgaveJobs.SubmitAsync(Definition, Notifications);

        Assert.Equal("6583653933928500001-242ac11b-0001-007", job.Id);
        Assert.Equal("ACCEPTED", job.Status);
        Assert.Equal("tacobot-0.1.0u1", (string?)job.Json["appId"]);
        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/jobs/v2/", request.RawTarget);
        Assert.Equal("Bearer " + StaticToken, request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        const string Hook = "https://api.sd2e.org/actors/v2/jobs-manager.prod/messages?x-nonce=SD2E_nonce_Zq81xLmP&token=75e323a3576d3838&uuid=107b93f3-1eae-5e79-8a18-0a480f8aa3a5&session=wanted-mollusk";
        var expected = JsonNode.Parse($$"""
            {
              "name": "tacobot-run", "appId": "tacobot-0.1.0u1", "archive": true, "archiveSystem": "data-sd2e-community",
              "archivePath": "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp",
              "inputs": { "file1": "agave://data-sd2e-community/uploads/a.fcs" }, "parameters": { "threshold": 0.5 },
              "maxRunTime": "01:00:00",
              "notifications": [
                { "event": "RUNNING", "persistent": true, "url": "{{Hook}}&status=${JOB_STATUS}" },
                { "event": "FINISHED", "persistent": false, "url": "{{Hook}}&status=FINISHED" },
                { "event": "FAILED", "persistent": false, "url": "{{Hook}}&status=${JOB_STATUS}" }
              ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task Submit_keeps_the_definitions_own_notifications_first_and_leaves_out_unset_members()
    {
        await using var host = await HttpTestHost.StartAsync();
        var own = new AgaveNotification("*", true, "https://example.org/hook");

        await host.AgaveJobs.SubmitAsync(new AgaveJobDefinition { Name = "n", AppId = "a-1.0", Notifications = [own] }, Notifications.Take(1));

        var body = JsonNode.Parse(Assert.Single(host.Server.Requests).Body)!.AsObject();
        Assert.Equal(["name", "appId", "notifications"], body.Select(p => p.Key));
        Assert.Equal(["*", "RUNNING"], body["notifications"]!.AsArray().Select(n => (string?)n!["event"]));
    }

    [Fact]
    public async Task Submit_is_not_sent_again_after_a_timeout_and_says_the_job_may_exist()
    {
        await using var host = await HttpTestHost.StartAsync(o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        host.Server.Script(ScriptedResponse.Slow(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.AgaveJobs.SubmitAsync(Definition, Notifications));

        Assert.Single(host.Server.Requests);
        Assert.Null(error.StatusCode);
        Assert.Contains("after 1 attempt(s)", error.Message);
        Assert.Contains("it was not submitted again. Look for a job named 'tacobot-run'", error.Message);
        Assert.Empty(host.Time.RequestedDelays);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("not re-sent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Submit_is_not_sent_again_after_a_5xx_that_may_follow_the_jobs_creation(int status)
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(ScriptedResponse.Fail(status, """{"status":"error","message":"upstream failed"}"""));

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.AgaveJobs.SubmitAsync(Definition, Notifications));

        Assert.Single(host.Server.Requests);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains("upstream failed", error.Message);
        Assert.Contains("Agave may have created the job all the same", error.Message);
    }

    [Fact]
    public async Task Submit_is_not_sent_again_after_the_connection_dropped_once_the_request_was_sent()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(ScriptedResponse.Reset());

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.AgaveJobs.SubmitAsync(Definition, Notifications));

        Assert.Single(host.Server.Requests);
        Assert.Null(error.StatusCode);
        Assert.Contains("not submitted again", error.Message);
    }

    [Fact]
    public async Task Submit_is_retried_when_agave_turned_it_away_unprocessed()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(
            ScriptedResponse.Fail(503, """{"status":"error","message":"maintenance"}"""),
            new ScriptedResponse(429, """{"message":"slow down"}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "3" }));

        var job = await host.AgaveJobs.SubmitAsync(Definition, Notifications);

        Assert.Equal(3, host.Server.Requests.Count);
        Assert.Single(host.Server.Jobs.Submitted);
        Assert.Equal("6583653933928500001-242ac11b-0001-007", job.Id);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], host.Time.RequestedDelays);
    }

    [Fact]
    public async Task Submit_is_retried_while_no_connection_can_be_made()
    {
        // The connection is refused, so Agave never saw the request.
        await using var host = await HttpTestHost.StartAsync(o =>
        {
            o.ApiServer = ClosedPort.Find();
            o.MaxAttempts = 3;
        });

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.AgaveJobs.SubmitAsync(Definition, Notifications));

        Assert.Contains("transport error (ConnectionError) after 3 attempt(s)", error.Message);
        Assert.DoesNotContain("may have created", error.Message);
        Assert.Equal(2, host.Time.RequestedDelays.Count);
    }

    [Fact]
    public async Task Submit_refusal_quotes_agave_without_the_secrets_of_the_notification_urls()
    {
        await using var host = await HttpTestHost.StartAsync();
        var echoed = $$"""{"status":"error","message":"Invalid notification url {{Notifications[0].Url}} for app tacobot-0.1.0u1 (token {{StaticToken}})"}""";
        host.Server.Script(ScriptedResponse.Fail(400, echoed));

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.AgaveJobs.SubmitAsync(Definition, Notifications));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single(host.Server.Requests);
        Assert.StartsWith("Submitting Agave job 'tacobot-run' of app 'tacobot-0.1.0u1' (POST http://127.0.0.1:", error.Message);
        Assert.Contains("400 BadRequest after 1 attempt(s); the server said: Invalid notification url", error.Message);
        Assert.DoesNotContain("may have created", error.Message);
        var everything = string.Join('\n', host.Logs.Lines.Select(l => l.AllText).Append(error.ToString()));
        foreach (var secret in new[] { Nonce, CallbackToken, StaticToken })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submit_answer_without_a_job_id_is_an_agave_api_exception()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(new ScriptedResponse(201, """{"status":"success","result":{"status":"ACCEPTED"}}"""));

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.AgaveJobs.SubmitAsync(Definition, Notifications));

        Assert.Contains("returned no job id", error.Message);
        Assert.Equal(HttpStatusCode.Created, error.StatusCode);
    }

    [Theory]
    [InlineData("name", "AgaveJobDefinition.Name:")]
    [InlineData("appId", "AgaveJobDefinition.AppId:")]
    [InlineData("additional", "AgaveJobDefinition.AdditionalFields['archivePath']:")]
    [InlineData("url", "notifications[3].url (FINISHED): not an absolute http or https URL.")]
    [InlineData("event", "notifications[1].event: empty")]
    public async Task Submit_of_an_invalid_definition_names_the_member_and_sends_nothing(string broken, string expected)
    {
        await using var host = await HttpTestHost.StartAsync();
        var definition = broken switch
        {
            "name" => Definition with { Name = " " },
            "appId" => Definition with { AppId = "" },
            "additional" => Definition with { AdditionalFields = new JsonObject { ["archivePath"] = "/elsewhere" } },
            _ => Definition,
        };
        IEnumerable<AgaveNotification> notifications = broken switch
        {
            "url" => [.. Notifications, new AgaveNotification("FINISHED", false, "/relative?token=" + CallbackToken)],
            "event" => [Notifications[0], Notifications[1] with { Event = "" }],
            _ => Notifications,
        };

        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() => host.AgaveJobs.SubmitAsync(definition, notifications));

        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain(CallbackToken, error.Message);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task GetStatus_reads_the_jobs_status_and_retries_like_any_read()
    {
        await using var host = await HttpTestHost.StartAsync();
        var job = await host.AgaveJobs.SubmitAsync(Definition, Notifications);
        host.Server.Script(ScriptedResponse.Fail(502), ScriptedResponse.Reset());

        var status = await host.AgaveJobs.GetStatusAsync(job.Id);

        Assert.Equal("ACCEPTED", status);
        var reads = host.Server.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Equal($"/jobs/v2/{job.Id}/status", r.RawTarget));
    }

    [Fact]
    public async Task GetStatus_of_an_unknown_job_is_a_404_with_agaves_message()
    {
        await using var host = await HttpTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.AgaveJobs.GetStatusAsync("0000-no/such job"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("/jobs/v2/0000-no%2Fsuch%20job/status", Assert.Single(host.Server.Requests).RawTarget);
        Assert.Contains("No job found with job id 0000-no/such job", error.Message);
        await Assert.ThrowsAsync<PipelineJobValidationException>(() => host.AgaveJobs.GetStatusAsync(" "));
    }
}
