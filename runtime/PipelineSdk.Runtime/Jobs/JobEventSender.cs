using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Jobs;

/// <summary>
/// Sends events to one job. The typed event methods (<c>RunAsync</c>, <c>UpdateAsync</c>, …, and the admin events
/// <c>ResetAsync(AdminToken, …)</c> and <c>ReadyAsync(AdminToken, …)</c>) are generated from the event schema into the
/// other half of this partial class; <see cref="HandleAsync(JobEvent, JsonObject?, AdminToken?, CancellationToken)"/>
/// sends any event by value, as the original's <c>handle()</c> does.
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

    /// <summary>
    /// Sends <paramref name="jobEvent"/> (the original's <c>handle(event_name, data)</c>). Admin events
    /// (<c>reset</c>, <c>ready</c>) need <paramref name="adminToken"/>; <c>create</c> is sent only by setup.
    /// </summary>
    /// <param name="jobEvent">The event.</param>
    /// <param name="data">The event's payload, stored in its history entry.</param>
    /// <param name="adminToken">A valid administrative token for admin events.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The job as stored after the event.</returns>
    /// <exception cref="PipelineJobValidationException">The event is <c>create</c>.</exception>
    /// <exception cref="AdminTokenRequiredException">An admin event without a valid admin token.</exception>
    /// <exception cref="InvalidTransitionException">The event is not allowed from the job's state; nothing was written.</exception>
    public Task<JobSnapshot> HandleAsync(
        JobEvent jobEvent, JsonObject? data = null, AdminToken? adminToken = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(jobEvent))
        {
            throw new ArgumentOutOfRangeException(nameof(jobEvent), jobEvent, "Not a PipelineJob event.");
        }

        var access = JobStateMachine.AccessOf(jobEvent);
        if (access == EventAccess.Internal)
        {
            throw new PipelineJobValidationException($"jobEvent: '{jobEvent.ToWireName()}' is sent only when the job is set up; it cannot be sent to an existing job.");
        }

        if (access == EventAccess.Admin && adminToken is null)
        {
            throw new AdminTokenRequiredException(jobEvent.ToWireName());
        }

        return SendEventAsync(jobEvent, data, adminToken, cancellationToken);
    }

    /// <summary>Sends the event named <paramref name="eventName"/> (any case, as the original lowercases names).</summary>
    /// <exception cref="UnknownEventException">The name is not a PipelineJob event (for example <c>updated</c>).</exception>
    /// <inheritdoc cref="HandleAsync(JobEvent, JsonObject?, AdminToken?, CancellationToken)" />
    public Task<JobSnapshot> HandleAsync(
        string eventName, JsonObject? data = null, AdminToken? adminToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return HandleAsync(JobEvents.Parse(eventName), data, adminToken, cancellationToken);
    }
}
