using PipelineSdk.Jobs;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores;

/// <summary>
/// What an applied event changed, as the store returns it: the job's new state, revision and tokens and the one
/// history entry the event appended. It carries no earlier history, so an event costs the same however long the
/// job's history is; read the whole job with <see cref="IPipelineJobStore.GetAsync"/>.
/// </summary>
public sealed record AppliedJobEvent
{
    /// <summary>The job.</summary>
    public required string Uuid { get; init; }

    /// <summary>The state after the event.</summary>
    public required JobState State { get; init; }

    /// <summary>The event (now the job's <c>last_event</c>).</summary>
    public required JobEvent LastEvent { get; init; }

    /// <summary>The revision after the event.</summary>
    public required long Revision { get; init; }

    /// <summary>When the event was applied (UTC, whole seconds): the job's <c>updated</c> and modified date.</summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>The job's next update token (the salt rotated).</summary>
    public required UpdateToken UpdateToken { get; init; }

    /// <summary>The job's callback token (it does not rotate).</summary>
    public required CallbackToken CallbackToken { get; init; }

    /// <summary>The history entry the event appended.</summary>
    public required JobHistoryEntry Entry { get; init; }

    /// <summary>
    /// True when <paramref name="before"/> is this job as it was just before this event (the revision before it), so
    /// <see cref="ApplyTo"/> gives exactly the stored job.
    /// </summary>
    public bool Follows(JobSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return string.Equals(before.Uuid, Uuid, StringComparison.Ordinal) && before.Revision + 1 == Revision;
    }

    /// <summary>
    /// The job as it is after this event, from <paramref name="before"/>, the job just before it (no read: the entry
    /// is appended to the history in memory).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="before"/> is another job or another revision (see <see cref="Follows"/>).</exception>
    public JobSnapshot ApplyTo(JobSnapshot before)
    {
        if (!Follows(before))
        {
            throw new ArgumentException($"The snapshot (job {before.Uuid}, revision {before.Revision}) is not job {Uuid} just before revision {Revision}.", nameof(before));
        }

        return before with
        {
            State = State,
            LastEvent = LastEvent,
            Revision = Revision,
            Updated = Updated,
            ModifiedDate = Updated,
            UpdateToken = UpdateToken,
            CallbackToken = CallbackToken,
            History = [.. before.History, Entry],
        };
    }
}
