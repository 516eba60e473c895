using System.Net;
using System.Text.Json.Nodes;
using PipelineSdk.Stores.Embedded;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>The events endpoint over a real loopback listener, with the embedded store.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private EmbeddedJobStore _store = null!;
    private EndpointServer _server = null!;

    public async Task InitializeAsync()
    {
        _store = await TestJobs.EmbeddedAsync();
        _server = await EndpointServer.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _store.Dispose();
    }

    private static string Q(params (string, string?)[] parameters) => EndpointServer.Query(parameters);

    [Fact]
    public async Task Url_parameter_event_with_the_callback_token_is_applied_and_answered_like_abaco()
    {
        var job = await TestJobs.CreateAsync(_store);

        var response = await _server.PostAsync(
            Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", job.CallbackToken.Reveal()), ("note", "started by curl")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EndpointServer.JsonAsync(response);
        Assert.Equal("success", (string?)body["status"]);
        Assert.False(string.IsNullOrEmpty((string?)body["version"]));
        Assert.False(string.IsNullOrEmpty((string?)body["result"]!["executionId"]));
        Assert.Equal($$"""{"uuid":"{{job.Uuid}}","state":"RUNNING","last_event":"run"}""", body["result"]!["job"]!.ToJsonString());
        var stored = await _store.GetAsync(job.Uuid);
        Assert.Equal("""{"note":"started by curl"}""", stored.History[^1].Data!.ToJsonString());
    }

    [Fact]
    public async Task Answers_and_refusals_declare_their_length_instead_of_being_chunked()
    {
        var job = await TestJobs.CreateAsync(_store);

        var applied = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", job.CallbackToken.Reveal())));
        var refused = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", "0000000000000000")));

        foreach (var response in new[] { applied, refused })
        {
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Name_parameter_and_the_current_update_token_work_too()
    {
        var job = await TestJobs.CreateAsync(_store);

        var response = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("name", "update"), ("token", job.UpdateToken.Reveal())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JobEvent.Update, (await _store.GetAsync(job.Uuid)).LastEvent);
    }

    [Fact]
    public async Task Json_event_body_overrides_url_parameters()
    {
        var job = await TestJobs.CreateAsync(_store);
        var body = new JsonObject { ["uuid"] = job.Uuid, ["name"] = "run", ["data"] = new JsonObject { ["percent"] = 5 }, ["token"] = job.CallbackToken.Reveal() };

        var response = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("event", "fail"), ("token", "0000000000000000")), body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await _store.GetAsync(job.Uuid);
        Assert.Equal(JobState.Running, stored.State);
        Assert.Equal("""{"percent":5}""", stored.History[^1].Data!.ToJsonString());
    }

    [Fact]
    public async Task Agave_notification_sequence_running_finished_then_failed_is_refused()
    {
        var job = await TestJobs.CreateAsync(_store);
        var callback = Q(("x-nonce", EndpointServer.Nonce), ("token", job.CallbackToken.Reveal()), ("uuid", job.Uuid));
        string Notification(string status) =>
            """{"id":"6874237679603805720-242ac11b-0001-007","name":"fresh-yak","appId":"fcs-etl-0.3.6u12","status":"STATUS","retries":0,"localId":"1264","_links":{"self":{"href":"https://api.sd2e.org/jobs/v2/x"}}}""".Replace("STATUS", status);

        var running = await _server.PostAsync(callback + "&status=RUNNING", Notification("RUNNING"));
        var finished = await _server.PostAsync(callback + "&status=FINISHED", Notification("FINISHED"));
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);
        var failed = await _server.PostAsync(callback + "&status=FAILED", Notification("FAILED"));

        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, failed.StatusCode);
        var error = await EndpointServer.JsonAsync(failed);
        Assert.Equal("""{"type":"invalid_transition","state":"FINISHED","event":"fail"}""", error["error"]!.ToJsonString());
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
        var stored = await _store.GetAsync(job.Uuid);
        Assert.Equal(["create", "run", "finish"], stored.History.Select(h => h.Name.ToWireName()));
        Assert.Equal("""{"id":"6874237679603805720-242ac11b-0001-007","name":"fresh-yak","appId":"fcs-etl-0.3.6u12","status":"RUNNING"}""", stored.History[1].Data!.ToJsonString());
        Assert.Equal("""{"status":"FINISHED"}""", stored.History[2].Data!.ToJsonString());
    }

    [Fact]
    public async Task Agave_failure_notification_fails_a_running_job()
    {
        var job = await TestJobs.CreateAsync(_store);
        var callback = Q(("x-nonce", EndpointServer.Nonce), ("token", job.CallbackToken.Reveal()), ("uuid", job.Uuid));

        await _server.PostAsync(callback + "&status=RUNNING", """{"appId":"a-1.0","status":"RUNNING"}""");
        var failed = await _server.PostAsync(callback + "&status=FAILED", """{"appId":"a-1.0","status":"FAILED"}""");

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(JobState.Failed, (await _store.GetAsync(job.Uuid)).State);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized, "No JWT or nonce provided.")]
    [InlineData("TEST-TENANT_unknown", null, HttpStatusCode.Unauthorized, "Nonce does not exist.")]
    [InlineData(EndpointServer.ReadNonce, null, HttpStatusCode.Forbidden, "Nonce does not have sufficient permissions level")]
    [InlineData(null, "Bearer wrong-token", HttpStatusCode.Unauthorized, "The bearer token is not valid.")]
    public async Task Unauthenticated_posts_are_refused_and_write_nothing(string? nonce, string? authorization, HttpStatusCode expected, string message)
    {
        var job = await TestJobs.CreateAsync(_store);
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/actors/v2/{EndpointServer.ManagerId}/messages?{Q(("x-nonce", nonce), ("uuid", job.Uuid), ("event", "run"), ("token", job.CallbackToken.Reveal()))}");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await _server.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var body = await EndpointServer.JsonAsync(response);
        Assert.Equal("unauthorized", (string?)body["error"]!["type"]);
        Assert.StartsWith(message, (string?)body["message"]);
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
    }

    [Fact]
    public async Task A_configured_bearer_token_authenticates_without_a_nonce()
    {
        await using var server = await EndpointServer.StartAsync(_store, o => o.BearerToken = "bearer-secret-1");
        var job = await TestJobs.CreateAsync(_store);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/actors/v2/{EndpointServer.ManagerId}/messages?{Q(("uuid", job.Uuid), ("event", "run"), ("token", job.CallbackToken.Reveal()))}");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer bearer-secret-1");

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_failures_are_403_and_write_nothing()
    {
        var job = await TestJobs.CreateAsync(_store);
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);

        var wrong = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", "0123456789abcdef")));
        var missing = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run")));
        var adminWithCallback = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "reset"), ("token", job.CallbackToken.Reveal())));
        var alteredCallback = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "update"), ("token", job.CallbackToken.Reveal() + "0")));

        foreach (var (response, type) in new[] { (wrong, "invalid_token"), (missing, "invalid_token"), (adminWithCallback, "admin_token_required"), (alteredCallback, "invalid_token") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await EndpointServer.JsonAsync(response);
            Assert.Equal(type, (string?)body["error"]!["type"]);
            Assert.DoesNotContain(job.CallbackToken.Reveal(), body.ToJsonString());
        }

        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
    }

    [Fact]
    public async Task Admin_events_work_with_an_admin_token()
    {
        var job = await TestJobs.CreateAsync(_store);
        var admin = TestJobs.Admins.Issue().Reveal();

        var reset = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "reset"), ("token", admin)));
        var ready = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "ready"), ("token", admin)));

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(["create", "reset", "ready"], (await _store.GetAsync(job.Uuid)).History.Select(h => h.Name.ToWireName()));
    }

    [Fact]
    public async Task Unknown_job_and_unknown_manager_are_404()
    {
        var job = await TestJobs.CreateAsync(_store);
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);

        var unknownJob = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", "107aaaaa-aaaa-5aaa-8aaa-aaaaaaaaaaaa"), ("event", "run"), ("token", job.CallbackToken.Reveal())));
        var unknownManager = await _server.PostAsync(
            Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", job.CallbackToken.Reveal())), managerId: "someone-else");

        Assert.Equal(HttpStatusCode.NotFound, unknownJob.StatusCode);
        Assert.Equal("unknown_job", (string?)(await EndpointServer.JsonAsync(unknownJob))["error"]!["type"]);
        Assert.Equal(HttpStatusCode.NotFound, unknownManager.StatusCode);
        Assert.Equal("unknown_manager", (string?)(await EndpointServer.JsonAsync(unknownManager))["error"]!["type"]);
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
    }

    [Theory]
    [InlineData("{\"uuid\": ", "malformed body")]
    [InlineData("{}", "missing uuid")]
    [InlineData("{\"uuid\":\"JOB\"}", "missing event")]
    public async Task Bad_messages_are_400_and_write_nothing(string body, string expected)
    {
        var job = await TestJobs.CreateAsync(_store);
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);

        var response = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("token", job.CallbackToken.Reveal())), body.Replace("JOB", job.Uuid));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await EndpointServer.JsonAsync(response);
        Assert.Equal("error", (string?)error["status"]);
        Assert.Equal("validation", (string?)error["error"]!["type"]);
        Assert.Contains(expected, (string?)error["message"]);
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_and_write_nothing()
    {
        await using var server = await EndpointServer.StartAsync(_store, o => o.MaxBodyBytes = 1000);
        var job = await TestJobs.CreateAsync(_store);
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);
        var body = new JsonObject { ["name"] = "update", ["data"] = new JsonObject { ["filler"] = new string('x', 1000) } }.ToJsonString();

        var response = await server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("token", job.CallbackToken.Reveal())), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (string?)(await EndpointServer.JsonAsync(response))["error"]!["type"]);
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
    }

    [Fact]
    public async Task The_default_limit_is_one_mebibyte()
    {
        var job = await TestJobs.CreateAsync(_store);
        string Body(int size)
        {
            var frame = new JsonObject { ["name"] = "update", ["data"] = new JsonObject { ["f"] = "" } }.ToJsonString();
            return frame.Replace("\"f\":\"\"", "\"f\":\"" + new string('x', size - frame.Length) + "\"");
        }

        var query = Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("token", job.CallbackToken.Reveal()));
        var atLimit = await _server.PostAsync(query, Body(1024 * 1024));
        var overLimit = await _server.PostAsync(query, Body(1024 * 1024 + 1));

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit.StatusCode);
    }

    [Fact]
    public async Task Posts_over_the_rate_limit_are_429_and_write_nothing()
    {
        await using var server = await EndpointServer.StartAsync(_store, o => { o.RateLimitPermits = 3; o.RateLimitWindow = TimeSpan.FromMinutes(5); });
        var job = await TestJobs.CreateAsync(_store);
        var query = Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "update"), ("token", job.CallbackToken.Reveal()));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await server.PostAsync(query)).StatusCode);
        }

        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);
        var limited = await server.PostAsync(query);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("rate_limited", (string?)(await EndpointServer.JsonAsync(limited))["error"]!["type"]);
        Assert.Equal("300", limited.Headers.RetryAfter?.ToString());
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
    }

    [Fact]
    public async Task Two_hundred_concurrent_callback_updates_add_exactly_two_hundred_history_entries()
    {
        var job = await TestJobs.CreateAsync(_store);
        var query = Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("token", job.CallbackToken.Reveal()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            _server.PostAsync(query, new JsonObject { ["name"] = "update", ["data"] = new JsonObject { ["i"] = i } }.ToJsonString())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await _store.GetAsync(job.Uuid);
        Assert.Equal(201, stored.History.Count);
        Assert.Equal(Enumerable.Range(0, 200), stored.History.Skip(1).Select(h => (int)h.Data!["i"]!).Order());
    }

    [Fact]
    public async Task Index_events_go_to_the_configured_indexer_and_leave_the_job_alone()
    {
        var messenger = new RecordingMessenger();
        await using var server = await EndpointServer.StartAsync(_store, o => o.IndexerId = "jobs-indexer.test", messenger);
        var job = await TestJobs.CreateAsync(_store);
        await _store.ApplyAsync(job.Uuid, JobEvent.Run, null, job.UpdateToken);
        var finished = await _store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Finish, null, job.CallbackToken.Reveal());
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);

        var response = await server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "index"), ("token", finished.UpdateToken.Reveal())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("exec-1", (string?)(await EndpointServer.JsonAsync(response))["result"]!["executionId"]);
        var (actor, message) = Assert.Single(messenger.Sent);
        Assert.Equal("jobs-indexer.test", actor);
        Assert.Equal($$"""{"name":"index","uuid":"{{job.Uuid}}","token":"{{finished.UpdateToken.Reveal()}}"}""", message.ToJsonString());
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
    }

    [Fact]
    public async Task Index_events_are_applied_here_without_an_indexer()
    {
        var job = await TestJobs.CreateAsync(_store);
        var run = await _store.ApplyAsync(job.Uuid, JobEvent.Run, null, job.UpdateToken);
        var finished = await _store.ApplyAsync(job.Uuid, JobEvent.Finish, null, run.UpdateToken);

        var response = await _server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "index"), ("token", finished.UpdateToken.Reveal())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JobState.Indexing, (await _store.GetAsync(job.Uuid)).State);
    }

    [Fact]
    public async Task State_changes_are_announced_to_the_events_manager()
    {
        var messenger = new RecordingMessenger();
        await using var server = await EndpointServer.StartAsync(_store, o => { o.EventsManagerId = "events-manager.test"; o.StateEnter = true; }, messenger);
        var job = await TestJobs.CreateAsync(_store);

        var response = await server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", job.CallbackToken.Reveal())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (messenger.Sent.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var sent = messenger.Sent.Select(m => m.Message.ToJsonString()).Order().ToArray();
        Assert.All(messenger.Sent, m => Assert.Equal("events-manager.test", m.ActorId));
        Assert.Equal(
            [
                $$$"""{"job_uuid":"{{{job.Uuid}}}","event_name":"run","job_state":"CREATED","data":{"last_event":"create"}}""",
                $$$"""{"job_uuid":"{{{job.Uuid}}}","event_name":"run","job_state":"RUNNING","data":{"last_event":"run"}}""",
            ],
            sent);
    }

    [Fact]
    public async Task Healthz_answers_without_authentication()
    {
        var response = await _server.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_logs_carry_no_token_nonce_or_bearer_secret()
    {
        await using var server = await EndpointServer.StartAsync(_store, o => o.BearerToken = "bearer-secret-2");
        var job = await TestJobs.CreateAsync(_store);
        var admin = TestJobs.Admins.Issue().Reveal();

        await server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", job.CallbackToken.Reveal())));
        await server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "run"), ("token", "0123456789abcdef")));
        await server.PostAsync(Q(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("event", "reset"), ("token", admin)));
        await server.PostAsync(Q(("x-nonce", "TEST-TENANT_guessed"), ("uuid", job.Uuid), ("event", "run")));
        using var bearer = new HttpRequestMessage(HttpMethod.Post, $"/actors/v2/{EndpointServer.ManagerId}/messages?uuid={job.Uuid}&event=update");
        bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer bearer-secret-2");
        await server.Http.SendAsync(bearer);

        var lines = server.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("/actors/v2/jobs-manager.test/messages") && l.Contains("-> 200"));
        foreach (var secret in new[] { job.CallbackToken.Reveal(), "0123456789abcdef", admin, EndpointServer.Nonce, "TEST-TENANT_guessed", "bearer-secret-2", TestJobs.AdminSecret })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
