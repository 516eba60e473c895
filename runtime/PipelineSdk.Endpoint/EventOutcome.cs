using PipelineSdk.Identifiers;

namespace PipelineSdk.Endpoint;

/// <summary>What <see cref="JobEventDispatcher.DispatchAsync"/> did with an event.</summary>
public sealed record EventOutcome
{
    /// <summary>The job.</summary>
    public required string JobUuid { get; init; }

    /// <summary>The job's state after the event, or as it was when the event was forwarded.</summary>
    public required JobState State { get; init; }

    /// <summary>The job's last event after the event, or as it was when the event was forwarded.</summary>
    public required JobEvent LastEvent { get; init; }

    /// <summary>The indexer actor the event was forwarded to, or null when it was applied here.</summary>
    public string? ForwardedTo { get; init; }

    /// <summary>The execution id the indexer actor returned, when forwarded.</summary>
    public string? ForwardExecutionId { get; init; }

    /// <summary>
    /// Completes when the state-change notifications of this event have been sent or have failed (failures are
    /// logged, never thrown). A long-running host may ignore it; a one-shot process awaits it before exiting.
    /// </summary>
    public Task Notifications { get; init; } = Task.CompletedTask;
}
