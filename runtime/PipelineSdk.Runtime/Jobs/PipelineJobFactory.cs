using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Http;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs;

/// <summary>
/// Makes job objects with the collaborators registered by
/// <see cref="PipelineJobsServiceCollectionExtensions.AddPipelineJobs"/>: the store, the <c>pipelines</c> settings, the
/// Agave files client and optional identifier lookup, token sink and transport.
/// </summary>
public sealed class PipelineJobFactory
{
    private readonly IPipelineJobStore _store;
    private readonly PipelinesSettings _pipelines;
    private readonly PipelineJobServices _services;

    /// <summary>Creates the factory (normally resolved from dependency injection).</summary>
    public PipelineJobFactory(
        IPipelineJobStore store,
        PipelinesSettings pipelines,
        AgaveFilesClient? files = null,
        IIdentifierLookup? lookup = null,
        IUpdateTokenSink? tokenSink = null,
        IJobEventTransport? transport = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? clock = null)
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
