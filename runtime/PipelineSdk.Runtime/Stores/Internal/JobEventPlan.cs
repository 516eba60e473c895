using System.Text.Json.Nodes;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Internal;

/// <summary>
/// Everything one event writes, decided before the write: the allowed source states, the destination (null when the
/// state does not change), the date, the next salt and the history entry.
/// </summary>
internal sealed record JobEventPlan(
    JobEvent Event,
    IReadOnlyList<JobState> Sources,
    JobState? Destination,
    DateTime Date,
    string NewSalt,
    StoredDocument HistoryEntry)
{
    /// <summary>Plans an event with its payload at the given time.</summary>
    public static JobEventPlan For(JobEvent jobEvent, JsonObject? data, DateTimeOffset now)
    {
        var date = StoredValues.ToStoredDate(now);
        return new JobEventPlan(
            jobEvent,
            JobStateMachine.SourcesOf(jobEvent),
            JobStateMachine.DestinationOf(jobEvent),
            date,
            Salts.NewSalt(),
            JobDocuments.HistoryEntry(jobEvent, data, date));
    }

    /// <summary>True when the event is allowed from every state, so the filter needs no state condition.</summary>
    public bool FromAnyState => Sources.Count == Enum.GetValues<JobState>().Length;
}
