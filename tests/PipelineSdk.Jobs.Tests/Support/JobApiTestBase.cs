using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Http.Tests.Support;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;
using PipelineSdk.Transport;

namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>
/// What every job API test needs: a fresh store with the tacobot pipeline registered (each store's test class says
/// how to open one), admin tokens of the spec's test key, the <c>pipelines</c> settings and captured logs.
/// </summary>
public abstract class JobApiTestBase
{
    public const string ManagerId = "jobs-manager.prod";
    public const string ManagerNonce = "SD2E_nonce_Zq81xLmP";

    protected AdminTokenAuthority Admins { get; } =
        new(new AdminTokenOptions { Key = Vectors.AdminKey, Secret = Vectors.AdminSecret });

    protected CapturingLoggerProvider Logs { get; } = new();

    protected ILoggerFactory LoggerFactory { get; }

    protected DictionaryLookup Lookup { get; } = new();

    protected RecordingTokenSink Sink { get; } = new();

    protected JobApiTestBase()
    {
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        Lookup.Metadata[Vectors.ExperimentId] = Vectors.Experiment;
    }

    /// <summary>Opens the store under test on this test's own database or file.</summary>
    protected abstract IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory);

    protected async Task<IPipelineJobStore> NewStoreAsync(TokenPolicy policy = TokenPolicy.Enforce)
    {
        var store = OpenStore(new JobStoreOptions { AdminTokens = Admins, TokenPolicy = policy }, LoggerFactory);
        await store.RegisterPipelineAsync(Vectors.Tacobot, new JsonObject { ["name"] = "tacobot" });
        return store;
    }

    protected static PipelinesSettings Pipelines(string apiServer = "https://api.sd2e.org") => new()
    {
        PipelineUuid = Vectors.Tacobot,
        JobManagerId = ManagerId,
        JobManagerNonce = ManagerNonce,
        JobIndexerId = "jobs-indexer.prod",
        ApiServer = apiServer,
    };

    protected PipelineJobServices Services(Agave.AgaveFilesClient? files = null, IJobEventTransport? transport = null) => new()
    {
        Files = files,
        Transport = transport,
        Lookup = Lookup,
        TokenSink = Sink,
        LoggerFactory = LoggerFactory,
        Environment = new Dictionary<string, string> { ["USER"] = "sd2eadm" },
    };

    /// <summary>test_303's job: tacobot, experiment.ginkgo.10001, not yet set up.</summary>
    protected Task<ManagedPipelineJob> TacobotJobAsync(IPipelineJobStore store, PipelineJobServices? services = null, ManagedPipelineJobOptions? options = null, string apiServer = "https://api.sd2e.org") =>
        ManagedPipelineJob.CreateAsync(store, Pipelines(apiServer), options ?? new ManagedPipelineJobOptions { ExperimentId = [Vectors.ExperimentId] }, services ?? Services());

    /// <summary>test_pipejob_setup_minimal's job, set up.</summary>
    protected async Task<ManagedPipelineJob> MinimalJobAsync(IPipelineJobStore store, PipelineJobServices? services = null, string apiServer = "https://api.sd2e.org")
    {
        var job = await TacobotJobAsync(store, services, apiServer: apiServer);
        return await job.SetupAsync(new JsonObject { ["example_data"] = "datadata" });
    }
}
