using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;
using PipelineSdk.Http;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;
using PipelineSdk.Jobs.Tests.Support;
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
        var (store, events, agave, job) = await LaunchSetupAsync();
        await using var _ = events;
        await using var __ = agave;

        var agaveJob = await agave.AgaveJobs.SubmitAsync(AgaveJobFor(job), job.AgaveNotifications());
        await agave.Server.Jobs.WhenDoneAsync(agaveJob.Id);

        Assert.Equal(
            [("RUNNING", "RUNNING", 200), ("FINISHED", "FINISHED", 200)],
            agave.Server.Jobs.Deliveries.Select(d => (d.Event, d.Status, d.HttpStatus)));
        Assert.Equal("FINISHED", await agave.AgaveJobs.GetStatusAsync(agaveJob.Id));
        var stored = await store.GetAsync(job.Uuid!);
        Assert.Equal(JobState.Finished, stored.State);
        Assert.Equal([JobEvent.Create, JobEvent.Run, JobEvent.Finish], stored.History.Select(h => h.Name));
        // RUNNING keeps the Agave job's JSON (minus _links, retries, localId); FINISHED keeps its status.
        Assert.Equal(agaveJob.Id, (string?)stored.History[1].Data!["id"]);
        Assert.Equal("tacobot-0.1.0u1", (string?)stored.History[1].Data!["appId"]);
        Assert.Equal(job.ArchivePath, (string?)stored.History[1].Data!["archivePath"]);
        Assert.Null(stored.History[1].Data!["_links"]);
        Assert.Equal("""{"status":"FINISHED"}""", stored.History[2].Data!.ToJsonString());

        // The reactor's own object follows once it re-reads the job.
        await job.RefreshAsync();
        Assert.Equal(JobState.Finished, job.State);
        Assert.Equal(stored.UpdateToken, job.Token);
    }

    [Fact]
    public async Task Launched_agave_job_that_fails_moves_the_pipeline_job_to_failed_by_itself()
    {
        var (store, events, agave, job) = await LaunchSetupAsync();
        await using var _ = events;
        await using var __ = agave;
        agave.Server.Jobs.Lifecycle = ["PENDING", "QUEUED", "RUNNING", "FAILED"];

        var agaveJob = await agave.AgaveJobs.SubmitAsync(AgaveJobFor(job), job.AgaveNotifications());
        await agave.Server.Jobs.WhenDoneAsync(agaveJob.Id);

        Assert.Equal(
            [("RUNNING", "RUNNING", 200), ("FAILED", "FAILED", 200)],
            agave.Server.Jobs.Deliveries.Select(d => (d.Event, d.Status, d.HttpStatus)));
        Assert.Equal("FAILED", await agave.AgaveJobs.GetStatusAsync(agaveJob.Id));
        var stored = await store.GetAsync(job.Uuid!);
        Assert.Equal(JobState.Failed, stored.State);
        Assert.Equal([JobEvent.Create, JobEvent.Run, JobEvent.Fail], stored.History.Select(h => h.Name));
        Assert.Equal("""{"status":"FAILED"}""", stored.History[2].Data!.ToJsonString());
    }

    /// <summary>
    /// A store behind the runtime's events endpoint on loopback, a fake Agave, and the minimal job whose callback URL
    /// points at the endpoint (the endpoint's manager id and nonce).
    /// </summary>
    private async Task<(IPipelineJobStore Store, EndpointServer Events, HttpTestHost Agave, ManagedPipelineJob Job)> LaunchSetupAsync()
    {
        var store = await NewStoreAsync();
        var events = await EndpointServer.StartAsync(store);
        var agave = await HttpTestHost.StartAsync();
        var pipelines = Pipelines(events.BaseUri.ToString()) with { JobManagerId = EndpointServer.ManagerId, JobManagerNonce = EndpointServer.Nonce };
        var job = await ManagedPipelineJob.CreateAsync(store, pipelines, new ManagedPipelineJobOptions { ExperimentId = [Vectors.ExperimentId] }, Services());
        await job.SetupAsync(new JsonObject { ["example_data"] = "datadata" });
        return (store, events, agave, job);
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
}
