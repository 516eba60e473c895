using System.Text.Json.Nodes;
using PipelineSdk.Tokens;

namespace PipelineSdk.Jobs;

/// <summary>
/// Sends events to one job. The typed event methods (<c>RunAsync</c>, <c>UpdateAsync</c>, …, admin events with an
/// <see cref="AdminToken"/>) are generated from the event schema into the other half of this partial class.
/// </summary>
public abstract partial class JobEventSender
{
    /// <summary>Applies one event to the job and returns the job as stored afterwards.</summary>
    /// <param name="jobEvent">The event.</param>
    /// <param name="data">The event's payload, stored in its history entry.</param>
    /// <param name="adminToken">The administrative token; required for admin events, null otherwise.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    protected abstract Task<JobSnapshot> SendEventAsync(
        JobEvent jobEvent, JsonObject? data, AdminToken? adminToken, CancellationToken cancellationToken);
}
