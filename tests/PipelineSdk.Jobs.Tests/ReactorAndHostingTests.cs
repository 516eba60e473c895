using System.Diagnostics.Metrics;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Jobs;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs.Tests;

/// <summary>The reactor form of the job, DI registration, settings and telemetry.</summary>
public sealed class ReactorAndHostingTests : JobApiTestBase, IDisposable
{
    private readonly TempStoreFile _file = new();

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _file.Open(options, loggerFactory);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Reactor_job_takes_agent_task_and_session_from_the_execution()
    {
        var reactor = ReactorContext.FromEnvironment(new Dictionary<string, string>
        {
            ["_abaco_actor_id"] = "G46vjoAVzGkkz",
            ["_abaco_execution_id"] = "kGqWBz3Pm6Pwz",
            ["_abaco_username"] = "jdoe",
            ["_abaco_api_server"] = "https://api.sd2e.org",
            ["MSG"] = "{}",
        });
        var store = await NewStoreAsync();

        var job = await ReactorManagedPipelineJob.CreateAsync(reactor, store, Pipelines(), new System.Text.Json.Nodes.JsonObject { ["alpha"] = 0.5 },
            new ManagedPipelineJobOptions { ExperimentId = [Vectors.Experiment], Agent = "ignored" }, Services());
        await job.SetupAsync();

        Assert.Same(reactor, job.Reactor);
        Assert.Equal("https://api.sd2e.org/actors/v2/G46vjoAVzGkkz", job.Agent);
        Assert.Equal("https://api.sd2e.org/actors/v2/G46vjoAVzGkkz/executions/kGqWBz3Pm6Pwz", job.Task);
        Assert.Equal(reactor.Nickname, job.Session);
        Assert.Equal("{\"alpha\":0.5}", job.Data.ToJsonString());
        // test_304: the path holds the pipeline and is not instanced.
        Assert.Contains("/106", job.ArchivePath);
        Assert.DoesNotMatch("Z$", job.ArchivePath!);
        Assert.Equal(job.Session, (await store.GetAsync(job.Uuid!)).Session);
    }

    [Fact]
    public async Task AddPipelineJobs_with_the_embedded_store_opens_the_configured_file()
    {
        var folder = Directory.CreateTempSubdirectory("pipelinesdk-di-");
        try
        {
            var file = Path.Combine(folder.FullName, "jobs.sqlite");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["pipelinesdk:jobs_db"] = file,
                ["pipelinesdk:owner"] = "configured-owner",
                ["pipelinesdk:tenant"] = "tacc",
                ["pipelines:pipeline_uuid"] = Vectors.Tacobot,
            }).Build();
            await using (var provider = new ServiceCollection().AddLogging().AddPipelineJobs(configuration).AddEmbeddedStore().Services.BuildServiceProvider())
            {
                var store = provider.GetRequiredService<IPipelineJobStore>();
                Assert.IsType<Stores.Embedded.EmbeddedJobStore>(store);
                await store.RegisterPipelineAsync(Vectors.Tacobot, null);
                var job = await provider.GetRequiredService<PipelineJobFactory>().CreateJobAsync(
                    new ManagedPipelineJobOptions { ExperimentId = [Vectors.Experiment] });
                await job.SetupAsync(new System.Text.Json.Nodes.JsonObject { ["example_data"] = "datadata" });
                Assert.Equal(Vectors.MinimalJobUuid, job.Uuid); // the Python original's setup_minimal vector
                var stored = await store.GetAsync(job.Uuid!);
                Assert.Equal(JobState.Created, stored.State);
                Assert.Equal(new JobAdmin("configured-owner", "SD2E-Community", "tacc"), stored.Admin);
                // No pipelines.api_server in the configuration: the schema's default reaches the HTTP clients.
                var http = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Http.PipelineHttpOptions>>().Value;
                Assert.Equal(new Uri("https://api.sd2e.org"), http.ApiServer);
            }

            Assert.True(File.Exists(file));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AddPipelineJobs_registers_settings_and_a_factory_over_the_registered_store()
    {
        var store = await NewStoreAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["pipelines:pipeline_uuid"] = Vectors.Tacobot,
            ["pipelines:job_manager_id"] = ManagerId,
            ["pipelines:job_manager_nonce"] = ManagerNonce,
            ["pipelines:api_server"] = "https://api.example.org/",
        }).Build();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(store)
            .AddSingleton<IIdentifierLookup>(Lookup)
            .AddPipelineJobs(configuration)
            .Services.BuildServiceProvider();

        var settings = provider.GetRequiredService<PipelinesSettings>();
        Assert.Equal(Vectors.Tacobot, settings.PipelineUuid);
        Assert.DoesNotContain(ManagerNonce, settings.ToString());
        Assert.NotNull(provider.GetRequiredService<Agave.AgaveFilesClient>());
        var factory = provider.GetRequiredService<PipelineJobFactory>();
        var job = await factory.CreateJobAsync(new ManagedPipelineJobOptions { ExperimentId = [Vectors.ExperimentId], Admin = new JobAdmin("sd2eadm") });
        await job.SetupAsync();
        Assert.StartsWith("https://api.example.org/actors/v2/jobs-manager.prod/messages?", job.Callback);
        Assert.Equal(job.Uuid, (await factory.OpenInstanceAsync(job.Uuid!)).Uuid);
    }

    [Fact]
    public void Pipelines_settings_refuse_present_but_empty_required_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["pipelines:pipeline_uuid"] = "",
            ["pipelines:job_indexer_id"] = "",
        }).Build();

        var error = Assert.Throws<PipelineJobValidationException>(() => ReactorSettingsBinder.Bind(configuration));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("pipelines:pipeline_uuid", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("pipelines:job_indexer_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_event_is_a_span_a_count_and_a_duration()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        // The listeners are process-wide and other tests (same job uuid, other stores) run in parallel: collect
        // thread-safely and keep only this test's spans, the children of its own root activity.
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineSdkTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new System.Collections.Concurrent.ConcurrentQueue<(string Instrument, string Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PipelineSdkTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        ActivityTraceId ownTrace = default;
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            // Measurements are taken inside the event's activity: keep only this test's.
            if (Activity.Current?.TraceId == ownTrace)
            {
                measurements.Enqueue((instrument.Name, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
            }
        }

        meters.SetMeasurementEventCallback<long>(Record);
        meters.SetMeasurementEventCallback<double>(Record);
        meters.Start();

        using var root = new Activity(nameof(Each_event_is_a_span_a_count_and_a_duration)).Start();
        ownTrace = root.TraceId;
        await job.HandleAsync(JobEvent.Run);
        await Assert.ThrowsAsync<InvalidTransitionException>(() => job.HandleAsync(JobEvent.Indexed));
        root.Stop();

        var runs = spans.Where(s => s.TraceId == root.TraceId).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, span => Assert.Equal(job.Uuid, span.GetTagItem("pipelinejobs.job.uuid")));
        Assert.Equal("run", runs[0].GetTagItem("pipelinejobs.event.name"));
        Assert.Equal("RUNNING", runs[0].GetTagItem("pipelinejobs.job.state"));
        Assert.Null(runs[0].GetTagItem("error.type"));
        Assert.Equal("indexed", runs[1].GetTagItem("pipelinejobs.event.name"));
        Assert.Equal(ActivityStatusCode.Error, runs[1].Status);
        var failure = typeof(InvalidTransitionException).FullName;  // the exception's full type name, as OpenTelemetry asks
        Assert.Equal(failure, runs[1].GetTagItem("error.type"));
        Assert.Equal(
            [
                ("pipelinesdk.job.events", "pipelinejobs.event.name=run"),
                ("pipelinesdk.job.event.duration", "pipelinejobs.event.name=run"),
                ("pipelinesdk.job.events", $"pipelinejobs.event.name=indexed,error.type={failure}"),
                ("pipelinesdk.job.event.duration", $"pipelinejobs.event.name=indexed,error.type={failure}"),
            ],
            measurements);
    }
}
