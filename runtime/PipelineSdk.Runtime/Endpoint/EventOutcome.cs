using PipelineSdk.Jobs;

namespace PipelineSdk.Endpoint;

/// <summary>What <see cref="JobEventDispatcher.DispatchAsync"/> did with an event.</summary>
public sealed record EventOutcome
{
    /// <summary>The job after the event, or as it was when the event was forwarded.</summary>
    public required JobSnapshot Job { get; init; }

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
