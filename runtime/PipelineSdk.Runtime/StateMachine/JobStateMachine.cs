using PipelineSdk.Errors;

namespace PipelineSdk;

/// <summary>
/// The PipelineJob state machine: which event may be sent from which state and where it leads. Pure functions over
/// the transition table of the schema's <c>x-pipelinejob-fsm</c> (the original's <c>JobStateMachine</c> with
/// <c>auto_transitions=False</c>). Stores use it to validate an event before their single atomic update.
/// </summary>
public static class JobStateMachine
{
    /// <summary>The state of a new job: <see cref="JobState.Created"/>.</summary>
    public static JobState Initial => JobTransitions.Initial;

    /// <summary>The state after sending <paramref name="jobEvent"/> to a job in state <paramref name="from"/>.</summary>
    /// <exception cref="InvalidTransitionException">The event is not allowed from <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a defined enum member.</exception>
    public static JobState Apply(JobState from, JobEvent jobEvent) =>
        CanApply(from, jobEvent)
            ? JobTransitions.DestinationOf(jobEvent) ?? from
            : throw new InvalidTransitionException(from, jobEvent);

    /// <summary>
    /// The state after sending the event named <paramref name="eventName"/> (any case, as the original lowercases
    /// names) to a job in state <paramref name="from"/>.
    /// </summary>
    /// <exception cref="UnknownEventException">The name is not a PipelineJob event (for example <c>updated</c> or <c>delete</c>).</exception>
    /// <exception cref="InvalidTransitionException">The event is not allowed from <paramref name="from"/>.</exception>
    public static JobState Apply(JobState from, string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return Apply(from, JobEvents.Parse(eventName));
    }

    /// <summary>True when <paramref name="jobEvent"/> may be sent to a job in state <paramref name="from"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a defined enum member.</exception>
    public static bool CanApply(JobState from, JobEvent jobEvent)
    {
        if (!Enum.IsDefined(from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Not a defined JobState value.");
        }

        return JobTransitions.SourcesOf(jobEvent).Contains(from);
    }

    /// <summary>The states <paramref name="jobEvent"/> is allowed from, in the table's order.</summary>
    public static IReadOnlyList<JobState> SourcesOf(JobEvent jobEvent) => JobTransitions.SourcesOf(jobEvent);

    /// <summary>
    /// The state after <paramref name="jobEvent"/>, or <see langword="null"/> for the events that leave the state as
    /// it is (<c>update</c>, <c>resource</c>: <c>=</c> in the original's table).
    /// </summary>
    public static JobState? DestinationOf(JobEvent jobEvent) => JobTransitions.DestinationOf(jobEvent);

    /// <summary>Who may send <paramref name="jobEvent"/>: the SDK itself, a client, the indexer or an administrator.</summary>
    public static EventAccess AccessOf(JobEvent jobEvent) => JobTransitions.AccessOf(jobEvent);

    /// <summary>
    /// True when <paramref name="jobEvent"/> sets the state (it has a destination, even one equal to its source, such
    /// as <c>run</c> from RUNNING); false for <c>update</c> and <c>resource</c>, which never touch it.
    /// </summary>
    public static bool ChangesState(JobEvent jobEvent) => JobTransitions.DestinationOf(jobEvent) is not null;
}
