using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Agave;
using PipelineSdk.Errors;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;
using PipelineSdk.Http;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Urls;
using EndpointServer = PipelineSdk.Endpoint.Tests.EndpointServer;

namespace PipelineSdk.Jobs.Tests;

/// <summary>
/// A reactor's launch of an Agave job, end to end over loopback HTTP: the job's <c>AgaveNotifications()</c> go to the
/// fake Agave with the submission, and the fake, running the Agave job by itself, fires them at the runtime's own
/// events endpoint, which moves the PipelineJob in the store.
/// </summary>
public sealed class AgaveLaunchTests : JobApiTestBase, IDisposable
{
    private readonly TempStoreFile _file = new();

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _file.Open(options, loggerFactory);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Agave_notifications_are_the_callback_url_with_the_originals_three_statuses()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);

        // The original: hook + "&status=${JOB_STATUS}", hook + "&status=FINISHED", hook + "&status=${JOB_STATUS}".
        Assert.Equal(
            [
                new AgaveNotification("RUNNING", true, job.Callback + "&status=${JOB_STATUS}"),
                new AgaveNotification("FINISHED", false, job.Callback + "&status=FINISHED"),
                new AgaveNotification("FAILED", false, job.Callback + "&status=${JOB_STATUS}"),
            ],
            job.AgaveNotifications());
    }

    [Fact]
    public async Task Agave_notifications_need_a_set_up_job_and_a_job_manager()
    {
        var store = await NewStoreAsync();
        var notSetUp = await TacobotJobAsync(store);
        var noManager = await ManagedPipelineJob.CreateAsync(store, Pipelines() with { JobManagerId = null },
            new ManagedPipelineJobOptions { ExperimentId = [Vectors.ExperimentId] }, Services());
        await noManager.SetupAsync();

        Assert.ThrowsAny<PipelineJobException>(() => notSetUp.AgaveNotifications());
        var error = Assert.ThrowsAny<PipelineJobException>(() => noManager.AgaveNotifications());
        Assert.Contains("pipelines.job_manager_id", error.Message);
    }

    [Fact]
    public async Task Launched_agave_job_moves_the_pipeline_job_to_running_then_finished_by_itself()
    {
        var launch = await LaunchAsync(["PENDING", "QUEUED", "RUNNING", "ARCHIVING", "FINISHED"]);

        Assert.Equal([("RUNNING", "RUNNING", 200), ("FINISHED", "FINISHED", 200)], launch.Deliveries);
        Assert.Equal("FINISHED", launch.AgaveStatus);
        var stored = launch.Stored;
        Assert.Equal(JobState.Finished, stored.State);
        Assert.Equal([JobEvent.Create, JobEvent.Run, JobEvent.Finish], stored.History.Select(h => h.Name));
        // RUNNING keeps the Agave job's JSON (minus _links, retries, localId); FINISHED keeps its status.
        Assert.Equal(launch.AgaveJobId, (string?)stored.History[1].Data!["id"]);
        Assert.Equal("tacobot-0.1.0u1", (string?)stored.History[1].Data!["appId"]);
        Assert.Equal(launch.Job.ArchivePath, (string?)stored.History[1].Data!["archivePath"]);
        Assert.Null(stored.History[1].Data!["_links"]);
        Assert.Equal("""{"status":"FINISHED"}""", stored.History[2].Data!.ToJsonString());

        // The reactor's own object follows once it re-reads the job.
        await launch.Job.RefreshAsync();
        Assert.Equal(JobState.Finished, launch.Job.State);
        Assert.Equal(stored.UpdateToken, launch.Job.Token);
    }

    [Fact]
    public async Task Launched_agave_job_that_fails_moves_the_pipeline_job_to_failed_by_itself()
    {
        var launch = await LaunchAsync(["PENDING", "QUEUED", "RUNNING", "FAILED"]);

        Assert.Equal([("RUNNING", "RUNNING", 200), ("FAILED", "FAILED", 200)], launch.Deliveries);
        Assert.Equal("FAILED", launch.AgaveStatus);
        Assert.Equal(JobState.Failed, launch.Stored.State);
        Assert.Equal([JobEvent.Create, JobEvent.Run, JobEvent.Fail], launch.Stored.History.Select(h => h.Name));
        Assert.Equal("""{"status":"FAILED"}""", launch.Stored.History[2].Data!.ToJsonString());
    }

    /// <summary>
    /// Sets up the minimal job with its callback URL on the runtime's events endpoint (loopback, the endpoint's manager
    /// id and nonce), submits its Agave job with its notifications to the fake Agave, lets the fake run it through
    /// <paramref name="lifecycle"/>, and returns what happened.
    /// </summary>
    private async Task<Launch> LaunchAsync(IReadOnlyList<string> lifecycle)
    {
        var store = await NewStoreAsync();
        await using var events = await EndpointServer.StartAsync(store);
        await using var agave = await HttpTestHost.StartAsync();
        agave.Server.Jobs.Lifecycle = lifecycle;
        var pipelines = Pipelines(events.BaseUri.ToString()) with { JobManagerId = EndpointServer.ManagerId, JobManagerNonce = EndpointServer.Nonce };
        var job = await ManagedPipelineJob.CreateAsync(store, pipelines, new ManagedPipelineJobOptions { ExperimentId = [Vectors.ExperimentId] }, Services());
        await job.SetupAsync(new JsonObject { ["example_data"] = "datadata" });

        var agaveJob = await agave.AgaveJobs.SubmitAsync(AgaveJobFor(job), job.AgaveNotifications());
        await agave.Server.Jobs.WhenDoneAsync(agaveJob.Id);

        return new Launch(
            job,
            agaveJob.Id,
            [.. agave.Server.Jobs.Deliveries.Select(d => (d.Event, d.Status, d.HttpStatus))],
            await agave.AgaveJobs.GetStatusAsync(agaveJob.Id),
            await store.GetAsync(job.Uuid!));
    }

    /// <summary>The Agave job a reactor launches for a PipelineJob: its outputs go to the job's archive path.</summary>
    private static AgaveJobDefinition AgaveJobFor(ManagedPipelineJob job) => new()
    {
        Name = "tacobot-" + job.Session,
        AppId = "tacobot-0.1.0u1",
        Inputs = new JsonObject { ["file1"] = "agave://data-sd2e-community/uploads/a.fcs" },
        Archive = true,
        ArchiveSystem = job.ArchiveSystem,
        ArchivePath = job.ArchivePath,
    };

    /// <summary>A launch's outcome: the notifications fired (event, status, HTTP answer), Agave's last status, the stored job.</summary>
    private sealed record Launch(
        ManagedPipelineJob Job, string AgaveJobId, IReadOnlyList<(string, string, int)> Deliveries, string AgaveStatus, JobSnapshot Stored);
}
