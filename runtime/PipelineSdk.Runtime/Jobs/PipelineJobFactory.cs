using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Agave;
using PipelineSdk.Configuration;
using PipelineSdk.Http;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;
using PipelineSdk.Transport;

namespace PipelineSdk.Jobs;

/// <summary>
/// Makes job objects with the collaborators registered by
/// <see cref="Microsoft.Extensions.DependencyInjection.PipelineJobsServiceCollectionExtensions.AddPipelineJobs"/>: the store, the <c>pipelines</c> settings, the
/// Agave files client and optional identifier lookup, token sink and transport.
/// </summary>
public sealed class PipelineJobFactory
{
    private readonly IPipelineJobStore _store;
    private readonly PipelinesSettings _pipelines;
    private readonly PipelineJobServices _services;

    /// <summary>Creates the factory (normally resolved from dependency injection).</summary>
    /// <param name="store">The job store.</param>
    /// <param name="pipelines">The <c>pipelines</c> settings of new jobs.</param>
    /// <param name="files">The Agave files client for archive paths.</param>
    /// <param name="lookup">Resolves identifiers that are not typed UUIDs.</param>
    /// <param name="tokenSink">Receives each new update token.</param>
    /// <param name="transport">How events reach jobs; null applies them through the store.</param>
    /// <param name="loggerFactory">Creates the jobs' loggers.</param>
    /// <param name="clock">The clock of instanced directory names.</param>
    /// <param name="settings">The <c>pipelinesdk</c> section: owner, project and tenant of new jobs.</param>
    public PipelineJobFactory(
        IPipelineJobStore store,
        PipelinesSettings pipelines,
        AgaveFilesClient? files = null,
        IIdentifierLookup? lookup = null,
        IUpdateTokenSink? tokenSink = null,
        IJobEventTransport? transport = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? clock = null,
        PipelineSdkSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipelines);
        _store = store;
        _pipelines = pipelines;
        _services = new PipelineJobServices
        {
            Files = files,
            Lookup = lookup,
            TokenSink = tokenSink,
            Transport = transport,
            LoggerFactory = loggerFactory,
            Clock = clock,
            Settings = settings,
        };
    }

    /// <summary>A new <see cref="ManagedPipelineJob"/> (call <see cref="ManagedPipelineJob.SetupAsync"/> next).</summary>
    /// <inheritdoc cref="ManagedPipelineJob.CreateAsync" path="/exception" />
    public Task<ManagedPipelineJob> CreateJobAsync(ManagedPipelineJobOptions? options = null, CancellationToken cancellationToken = default) =>
        ManagedPipelineJob.CreateAsync(_store, _pipelines, options, _services, cancellationToken);

    /// <summary>A new <see cref="ReactorManagedPipelineJob"/> for a reactor execution.</summary>
    /// <inheritdoc cref="ManagedPipelineJob.CreateAsync" path="/exception" />
    public Task<ReactorManagedPipelineJob> CreateReactorJobAsync(
        ReactorContext reactor, JsonObject? data = null, ManagedPipelineJobOptions? options = null, CancellationToken cancellationToken = default) =>
        ReactorManagedPipelineJob.CreateAsync(reactor, _store, _pipelines, data, options, _services, cancellationToken);

    /// <summary>Opens an existing job by uuid.</summary>
    /// <exception cref="Errors.UnknownJobException">No job has this uuid.</exception>
    public Task<ManagedPipelineJobInstance> OpenInstanceAsync(string uuid, CancellationToken cancellationToken = default) =>
        ManagedPipelineJobInstance.OpenAsync(_store, uuid, _services, cancellationToken);
}
