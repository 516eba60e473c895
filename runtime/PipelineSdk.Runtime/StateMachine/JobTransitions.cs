using System.Collections.Frozen;
using static PipelineSdk.EventAccess;
using static PipelineSdk.JobState;

namespace PipelineSdk;

/// <summary>
/// The transition table of the job state machine (spec §2.3), as data. This is the only hand-written place that
/// knows which event may be sent from which state; it mirrors <c>x-pipelinejob-fsm</c> of
/// <c>schemas/pipelinejob_eventname.schema.json</c> and will be replaced by code generated from that schema.
/// </summary>
internal static partial class JobTransitions
{
    /// <summary>One row of the table: the states an event is allowed from, where it leads, and who may send it.</summary>
    /// <param name="Event">The event.</param>
    /// <param name="Sources">The states the event is allowed from.</param>
    /// <param name="Destination">The state after the event, or <see langword="null"/> when the state does not change.</param>
    /// <param name="Access">Who may send the event.</param>
    private sealed record Transition(JobEvent Event, IReadOnlyList<JobState> Sources, JobState? Destination, EventAccess Access);

    /// <summary>Every state: the sources of an event allowed from any state (<c>"*"</c> in the schema).</summary>
    private static readonly IReadOnlyList<JobState> AnyState = Array.AsReadOnly(Enum.GetValues<JobState>());

    private static readonly FrozenDictionary<JobEvent, Transition> Table = new Transition[]
    {
        new(JobEvent.Create, [Created], Created, Internal),
        new(JobEvent.Run, [Created, Running], Running, Client),
        new(JobEvent.Update, [Created, Running, Validating, Indexing], null, Client),
        new(JobEvent.Resource, [Created, Running], null, Client),
        new(JobEvent.Fail, [Created, Running, Validating, Indexing], Failed, Client),
        new(JobEvent.Finish, [Running, Finished], Finished, Client),
        new(JobEvent.Index, [Indexing, Finished], Indexing, Indexer),
        new(JobEvent.Indexed, [Finished, Indexing], Finished, Indexer),
        new(JobEvent.Validate, [Finished, Validated], Validating, Client),
        new(JobEvent.Validated, [Validated, Validating], Validated, Client),
        new(JobEvent.Finalize, [Validated], Finalized, Client),
        new(JobEvent.Reject, [Validating], Rejected, Client),
        new(JobEvent.Retire, [Failed, Finalized, Finished, Rejected, Validating, Validated], Retired, Client),
        new(JobEvent.Reset, AnyState, JobState.Reset, Admin),
        new(JobEvent.Ready, [JobState.Reset], Created, Admin),
    }.ToFrozenDictionary(transition => transition.Event);

    /// <summary>The state of a new job.</summary>
    public static JobState Initial => Created;

    /// <summary>The states <paramref name="jobEvent"/> is allowed from.</summary>
    public static IReadOnlyList<JobState> SourcesOf(JobEvent jobEvent) => Row(jobEvent).Sources;

    /// <summary>The state after <paramref name="jobEvent"/>, or <see langword="null"/> when the state does not change.</summary>
    public static JobState? DestinationOf(JobEvent jobEvent) => Row(jobEvent).Destination;

    /// <summary>Who may send <paramref name="jobEvent"/>.</summary>
    public static EventAccess AccessOf(JobEvent jobEvent) => Row(jobEvent).Access;

    private static Transition Row(JobEvent jobEvent) =>
        Table.TryGetValue(jobEvent, out var transition)
            ? transition
            : throw new ArgumentOutOfRangeException(nameof(jobEvent), jobEvent, "Not a defined JobEvent value.");
}
