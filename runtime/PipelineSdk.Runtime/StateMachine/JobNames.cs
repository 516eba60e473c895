using System.Diagnostics.CodeAnalysis;
using PipelineSdk.Errors;

namespace PipelineSdk;

/// <summary>Conversions between <see cref="JobState"/> and its stored (upper-case) name.</summary>
public static class JobStates
{
    /// <summary>Every state name as stored, in definition order.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<JobState>().Select(ToWireName).ToArray();

    /// <summary>The stored name of a state, e.g. <c>RUNNING</c>.</summary>
    public static string ToWireName(this JobState state) => state.ToString().ToUpperInvariant();

    /// <summary>Parses a state name, ignoring case.</summary>
    public static bool TryParse(string? name, out JobState state)
    {
        state = default;
        return name is not null && name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase: true, out state);
    }

    /// <summary>Parses a state name, ignoring case, or throws naming the bad value.</summary>
    public static JobState Parse(string name) =>
        TryParse(name, out var state)
            ? state
            : throw new PipelineJobValidationException($"'{name}' is not a PipelineJob state; expected one of: {string.Join(", ", WireNames)}.");
}

/// <summary>Conversions between <see cref="JobEvent"/> and its stored (lower-case) name.</summary>
public static class JobEvents
{
    /// <summary>Every event name as stored, in definition order.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<JobEvent>().Select(ToWireName).ToArray();

    /// <summary>The stored name of an event, e.g. <c>run</c>.</summary>
    public static string ToWireName(this JobEvent jobEvent) => jobEvent.ToString().ToLowerInvariant();

    /// <summary>Parses an event name, ignoring case as the original does.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out JobEvent jobEvent)
    {
        jobEvent = default;
        return name is not null && name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase: true, out jobEvent);
    }

    /// <summary>Parses an event name, ignoring case, or throws <see cref="UnknownEventException"/>.</summary>
    public static JobEvent Parse(string name) =>
        TryParse(name, out var jobEvent) ? jobEvent : throw new UnknownEventException(name);
}
