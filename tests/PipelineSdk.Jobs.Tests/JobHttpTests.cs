using System.Net;
using System.Text.Json.Nodes;
using PipelineSdk.Abaco;
using PipelineSdk.Errors;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;
using PipelineSdk.Http;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Jobs;
using PipelineSdk.Transport;

namespace PipelineSdk.Jobs.Tests;

/// <summary>
/// The job API over real loopback HTTP: Agave files (mkdir at setup, clearing at reset, listing at index) and the
/// remote transport through an events endpoint stand-in, run against each store by the derived classes.
/// </summary>
public abstract class JobHttpTests : JobApiTestBase
{
    private const string System = "data-sd2e-community";

    [Fact]
    public async Task Setup_creates_the_archive_path_through_agave()
    {
        await using var host = await HttpTestHost.StartAsync();
        var store = await NewStoreAsync();

        var job = await MinimalJobAsync(store, Services(host.Files));

        Assert.True(host.Server.Exists(System, Vectors.MinimalArchivePath));
        var mkdir = Assert.Single(host.Server.Requests, r => r.Method == "PUT");
        Assert.Equal($$"""{"action":"mkdir","path":"{{Vectors.MinimalArchivePath}}"}""", mkdir.Body);

        // Setup again: idempotent, no second mkdir.
        await job.SetupAsync();
        Assert.Single(host.Server.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Setup_without_setup_archive_path_sends_nothing_and_a_failed_mkdir_is_only_logged()
    {
        await using var host = await HttpTestHost.StartAsync();
        var store = await NewStoreAsync();
        var quiet = await TacobotJobAsync(store, Services(host.Files), new ManagedPipelineJobOptions { ExperimentId = [Vectors.Experiment], SetupArchivePath = false });
        await quiet.SetupAsync();
        Assert.Empty(host.Server.Requests);

        host.Server.Script(ScriptedResponse.Fail(403, """{"status":"error","message":"permission denied"}"""));
        var job = await MinimalJobAsync(store, Services(host.Files));
        Assert.Equal(JobState.Created, job.State);
        Assert.Contains(Logs.Lines, l => l.Message.Contains("Could not create the archive path"));
    }

    [Fact]
    public async Task Reset_deletes_and_recreates_the_archive_path()
    {
        await using var host = await HttpTestHost.StartAsync();
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store, Services(host.Files));
        host.Server.AddFile(System, Vectors.MinimalArchivePath + "/out/result.csv", 12);
        await job.HandleAsync(JobEvent.Run);
        await job.HandleAsync(JobEvent.Finish);

        var snapshot = await job.ResetToCreatedAsync(Admins.Issue());

        Assert.Equal(JobState.Created, snapshot.State);
        Assert.False(host.Server.Exists(System, Vectors.MinimalArchivePath + "/out/result.csv"));
        Assert.True(host.Server.Exists(System, Vectors.MinimalArchivePath));
    }

    [Fact]
    public async Task Reset_that_cannot_clear_leaves_the_job_in_reset_unless_permissive()
    {
        await using var host = await HttpTestHost.StartAsync();
        var store = await NewStoreAsync();
        var custom = new ManagedPipelineJobOptions { ExperimentId = [Vectors.Experiment], ArchivePath = "/uploads/not-clearable" };
        var job = await TacobotJobAsync(store, Services(host.Files), custom);
        await job.SetupAsync();
        Assert.Equal("/uploads/not-clearable", job.ArchivePath);

        // The files client refuses paths outside /products/v2: the job stays in RESET (as the original).
        await Assert.ThrowsAsync<PipelineJobException>(() => job.ResetToCreatedAsync(Admins.Issue()));
        Assert.Equal(JobState.Reset, (await store.GetAsync(job.Uuid!)).State);

        await job.HandleAsync(JobEvent.Ready, null, Admins.Issue());
        var permissive = await job.ResetToCreatedAsync(Admins.Issue(), new ResetOptions { Permissive = true });
        Assert.Equal(JobState.Created, permissive.State);
    }

    [Fact]
    public async Task Index_lists_the_archive_path_and_moves_the_job_to_indexing()
    {
        await using var host = await HttpTestHost.StartAsync();
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store, Services(host.Files));
        host.Server.AddFile(System, Vectors.MinimalArchivePath + "/a.json", 3);
        host.Server.AddFile(System, Vectors.MinimalArchivePath + "/sub/b.json", 4);
        await job.HandleAsync(JobEvent.Run);
        await job.HandleAsync(JobEvent.Finish);

        var instance = await ManagedPipelineJobInstance.OpenAsync(store, job.Uuid!, Services(host.Files));
        var files = await instance.IndexArchiveAsync();

        Assert.Equal([Vectors.MinimalArchivePath + "/a.json", Vectors.MinimalArchivePath + "/sub/b.json"], files.Order(StringComparer.Ordinal));
        Assert.Equal(JobState.Indexing, instance.State);

        var again = await ManagedPipelineJobInstance.OpenAsync(store, job.Uuid!, Services(host.Files));
        await again.IndexArchiveAsync(transition: true);
        Assert.Equal(JobState.Finished, again.State);
        Assert.Equal(JobEvent.Indexed, again.Job!.LastEvent);
    }

    [Fact]
    public async Task Remote_transport_applies_events_through_the_endpoint_with_the_same_results()
    {
        await using var host = await HttpTestHost.StartAsync();
        var (store, remote, job) = await RemoteSetupAsync(host);

        var running = await job.HandleAsync(JobEvent.Run, new JsonObject { ["step"] = 1 });

        Assert.Equal(JobState.Running, running.State);
        Assert.Equal(running.UpdateToken, job.Token);
        Assert.Equal((await store.GetAsync(job.Uuid!)).UpdateToken, job.Token);
        var post = Assert.Single(host.Server.Requests, r => r.Method == "POST");
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal(job.Uuid, (string?)body["uuid"]);
        Assert.Equal("run", (string?)body["name"]);
        Assert.Equal(1, (int)body["data"]!["step"]!);
        Assert.Contains("x-nonce=" + ManagerNonce, post.Query);
    }

    [Fact]
    public async Task Remote_transport_maps_the_endpoints_errors_to_the_stores_exceptions()
    {
        await using var host = await HttpTestHost.StartAsync();
        var (store, remote, job) = await RemoteSetupAsync(host);

        var transition = await Assert.ThrowsAsync<InvalidTransitionException>(() => job.HandleAsync(JobEvent.Finish));
        Assert.Equal(JobState.Created, transition.State);
        Assert.Equal(JobEvent.Finish, transition.Event);
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => job.HandleAsync(JobEvent.Reset, null, Tokens.AdminTokens.Create("k", "s", DateTimeOffset.UtcNow)));
        await Assert.ThrowsAsync<UnknownJobException>(() =>
            remote.SendAsync(new JobEventRequest("107b93f3-1eae-5e79-8a18-0a480f8aa3a5", JobEvent.Run, null, job.Token)));
        var badToken = await Assert.ThrowsAsync<InvalidTokenException>(() =>
            remote.SendAsync(new JobEventRequest(job.Uuid!, JobEvent.Run, null, new Tokens.UpdateToken("0dc73dc3ff39b49a"))));
        Assert.DoesNotContain("0dc73dc3ff39b49a", badToken.Message);
        // 4xx answers are final: one attempt each, and nothing was written.
        Assert.Equal(4, host.Server.Requests.Count(r => r.Method == "POST"));
        Assert.Single((await store.GetAsync(job.Uuid!)).History);
    }

    [Fact]
    public async Task Callback_url_alone_is_enough_for_a_client_event()
    {
        await using var host = await HttpTestHost.StartAsync();
        var store = await NewStoreAsync();
        host.Server.MessageHandler = EventsEndpointStandIn.Over(store);
        var job = await MinimalJobAsync(store, apiServer: host.Server.BaseUri.ToString());

        // A process without database credentials: only the callback URL, whose token is the callback token.
        var remote = new RemoteJobEventTransport(host.Abaco, new Uri(job.Callback!));
        var result = await remote.SendAsync(new JobEventRequest(job.Uuid!, JobEvent.Update, new JsonObject { ["note"] = "from curl" }, null));

        Assert.Equal(JobState.Created, result.State);
        Assert.Equal(JobEvent.Update, result.LastEvent);
        Assert.Equal("exec-endpoint-1", result.ExecutionId);
        Assert.Null(result.Applied);
        Assert.Equal(2, (await store.GetAsync(job.Uuid!)).History.Count);
    }

    [Fact]
    public async Task Remote_transport_retries_429_and_5xx_but_not_a_plain_404()
    {
        await using var host = await HttpTestHost.StartAsync();
        var (store, remote, job) = await RemoteSetupAsync(host);

        host.Server.Script(ScriptedResponse.Fail(429), ScriptedResponse.Fail(503));
        Assert.Equal(JobState.Running, (await job.HandleAsync(JobEvent.Run)).State);
        Assert.Equal(3, host.Server.Requests.Count(r => r.Method == "POST"));

        host.Server.Script(ScriptedResponse.Fail(404, """{"status":"error","message":"actor not found"}"""));
        var missing = await Assert.ThrowsAsync<AbacoApiException>(() => job.HandleAsync(JobEvent.Update));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(4, host.Server.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task No_log_line_or_error_carries_a_token_nonce_or_secret()
    {
        await using var host = await HttpTestHost.StartAsync();
        var store = await NewStoreAsync();
        host.Server.MessageHandler = EventsEndpointStandIn.Over(store);
        var remote = new RemoteJobEventTransport(host.Abaco, ManagerUrl(host));
        var job = await MinimalJobAsync(store, Services(host.Files), host.Server.BaseUri.ToString());
        var admin = Admins.Issue();
        var errors = new List<string>();
        await job.HandleAsync(JobEvent.Run);
        await job.HandleAsync(JobEvent.Finish);
        errors.Add((await Assert.ThrowsAsync<InvalidTransitionException>(() => job.HandleAsync(JobEvent.Run))).ToString());
        errors.Add((await Assert.ThrowsAsync<InvalidTokenException>(() =>
            remote.SendAsync(new JobEventRequest(job.Uuid!, JobEvent.Update, null, new Tokens.UpdateToken("feedfacecafebeef"))))).ToString());
        await new RemoteJobEventTransport(host.Abaco, new Uri(job.CallbackWithStatus("FINISHED"))).SendAsync(new JobEventRequest(job.Uuid!, JobEvent.Finish, null, null));
        await job.RefreshAsync();
        await job.ResetToCreatedAsync(admin);
        var callbackToken = job.Job!.CallbackToken.Reveal();
        await job.HandleAsync(JobEvent.Fail);
        await job.DeleteAsync(admin);

        string[] secrets = [ManagerNonce, callbackToken, admin.Reveal(), "feedfacecafebeef", Vectors.AdminSecret, .. Sink.Tokens.Select(t => t.Token.Reveal())];
        var lines = Logs.Lines.Concat(host.Logs.Lines).Select(l => l.AllText).Concat(errors).ToList();
        Assert.NotEmpty(Logs.Lines);
        Assert.Contains(Logs.Lines, l => l.Message.Contains(job.Uuid!));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>A store behind the endpoint stand-in, a remote transport to it, and the minimal job using that transport.</summary>
    private async Task<(Stores.IPipelineJobStore Store, RemoteJobEventTransport Remote, ManagedPipelineJob Job)> RemoteSetupAsync(HttpTestHost host)
    {
        var store = await NewStoreAsync();
        host.Server.MessageHandler = EventsEndpointStandIn.Over(store);
        var remote = new RemoteJobEventTransport(host.Abaco, ManagerUrl(host));
        return (store, remote, await MinimalJobAsync(store, Services(transport: remote), host.Server.BaseUri.ToString()));
    }

    private static Uri ManagerUrl(HttpTestHost host) =>
        new(host.Server.BaseUri, $"actors/v2/{ManagerId}/messages?x-nonce={ManagerNonce}");
}
