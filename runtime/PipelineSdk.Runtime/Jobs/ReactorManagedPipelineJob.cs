using System.Text.Json.Nodes;
using PipelineSdk.Configuration;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs;

/// <summary>
/// A <see cref="ManagedPipelineJob"/> made from a reactor's context, as the original's
/// <c>ReactorManagedPipelineJob(reactor, data, **kwargs)</c>: agent = the actor id, task = the execution
/// id, session = the execution's nickname; the Agave client and the settings sections come from the reactor.
/// </summary>
public sealed class ReactorManagedPipelineJob : ManagedPipelineJob
{
    private ReactorManagedPipelineJob(IPipelineJobStore store, PipelineJobServices? services, JobDefinition definition, ReactorContext reactor)
        : base(store, services, definition)
    {
        Reactor = reactor;
    }

    /// <summary>The reactor execution that created this job object.</summary>
    public ReactorContext Reactor { get; }

    /// <summary>
    /// Creates the job object for a reactor execution. Other options (experiment ids, instanced, patterns, …) pass
    /// through <paramref name="options"/>; its <c>Agent</c>, <c>Task</c>, <c>Session</c> and <c>Data</c> are replaced
    /// by the reactor's values and <paramref name="data"/>.
    /// </summary>
    /// <param name="reactor">The reactor context (actor id, execution id, nickname).</param>
    /// <param name="store">The job store (the reactor's <c>mongodb</c> settings, or the embedded store).</param>
    /// <param name="pipelines">The reactor's <c>pipelines</c> settings section.</param>
    /// <param name="data">The job's init data.</param>
    /// <param name="options">Further options of the original's keyword arguments.</param>
    /// <param name="services">The reactor's Agave files client and the other collaborators.</param>
    /// <param name="cancellationToken">Cancels the look-ups.</param>
    /// <inheritdoc cref="ManagedPipelineJob.CreateAsync" path="/exception" />
    public static async Task<ReactorManagedPipelineJob> CreateAsync(
        ReactorContext reactor,
        IPipelineJobStore store,
        PipelinesSettings pipelines,
        JsonObject? data = null,
        ManagedPipelineJobOptions? options = null,
        PipelineJobServices? services = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reactor);
        var reactorOptions = (options ?? new ManagedPipelineJobOptions()) with
        {
            Data = data,
            Agent = reactor.ActorId,
            Task = reactor.ExecutionId,
            Session = reactor.Nickname,
        };
        var definition = await DefineAsync(store, pipelines, reactorOptions, services, cancellationToken).ConfigureAwait(false);
        return new ReactorManagedPipelineJob(store, services, definition, reactor);
    }
}
