using Microsoft.Extensions.Logging;
using PipelineSdk.Agave;
using PipelineSdk.Configuration;
using PipelineSdk.Http;
using PipelineSdk.Transport;

namespace PipelineSdk.Jobs;

/// <summary>The collaborators of a job object; everything is optional.</summary>
public sealed record PipelineJobServices
{
    /// <summary>The Agave files client, for mkdir at setup, clearing at reset and listing at index (the original's <c>agave</c>).</summary>
    public AgaveFilesClient? Files { get; init; }

    /// <summary>How events reach the job; null applies them directly through the store.</summary>
    public IJobEventTransport? Transport { get; init; }

    /// <summary>Resolves metadata and input identifiers that are not typed UUIDs; null resolves typed UUIDs only.</summary>
    public IIdentifierLookup? Lookup { get; init; }

    /// <summary>Receives each new update token (for example to persist it in the actor's state).</summary>
    public IUpdateTokenSink? TokenSink { get; init; }

    /// <summary>Creates the job's logger; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock of instanced directory names; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// The <c>pipelinesdk</c> section: its <c>owner</c>, <c>project</c> and <c>tenant</c> make the <c>_admin</c> block of
    /// new jobs, ahead of the environment variables.
    /// </summary>
    public PipelineSdkSettings? Settings { get; init; }

    /// <summary>Environment variables for defaults (agent, task, owner); the process environment when null.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
