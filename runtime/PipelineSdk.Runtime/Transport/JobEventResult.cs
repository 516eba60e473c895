using PipelineSdk.Identifiers;
using PipelineSdk.Stores;

namespace PipelineSdk.Transport;

/// <summary>What a transport reports after sending an event.</summary>
/// <param name="JobUuid">The job.</param>
/// <param name="State">
/// The job's state after the event; null when the receiver only queued the event (a jobs-manager deployed on Abaco
/// answers with an execution id and applies the event later).
/// </param>
/// <param name="LastEvent">The job's last event; null when the receiver only queued the event.</param>
/// <param name="Applied">
/// What the event changed, with the job's next update token, when the transport has it (the direct store transport);
/// null from the events endpoint, which answers only uuid, state and last event.
/// </param>
/// <param name="ExecutionId">The Abaco execution that handled the event (events endpoint only).</param>
public sealed record JobEventResult(string JobUuid, JobState? State, JobEvent? LastEvent, AppliedJobEvent? Applied, string? ExecutionId = null)
{
    /// <summary>The result of an event applied by a store.</summary>
    public static JobEventResult From(AppliedJobEvent applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return new JobEventResult(applied.Uuid, applied.State, applied.LastEvent, applied);
    }
}
