using PipelineSdk.Errors;

namespace PipelineSdk;

/// <summary>
/// The hand-written half of <see cref="JobState"/>'s names: the generator writes <c>WireNames</c>, <c>ToWireName</c>
/// and <c>TryParse</c> from the canonical schema, as it does for every other enum.
/// </summary>
public static partial class JobStates
{
    /// <summary>Parses a state name, ignoring case, or throws naming the bad value.</summary>
    public static JobState Parse(string name) =>
        TryParse(name, out var state)
            ? state
            : throw new PipelineJobValidationException($"'{name}' is not a PipelineJob state; expected one of: {string.Join(", ", WireNames)}.");
}

/// <summary>The hand-written half of <see cref="JobEvent"/>'s names (see <see cref="JobStates"/>).</summary>
public static partial class JobEvents
{
    /// <summary>Parses an event name, ignoring case, or throws <see cref="UnknownEventException"/>.</summary>
    public static JobEvent Parse(string name) =>
        TryParse(name, out var jobEvent) ? jobEvent : throw new UnknownEventException(name);
}
