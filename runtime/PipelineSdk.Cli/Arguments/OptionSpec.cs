namespace PipelineSdk.Cli.Arguments;

/// <summary>How an option takes its value.</summary>
public enum OptionKind
{
    /// <summary>One text value: <c>--type experiment</c>.</summary>
    Text,
    /// <summary>A text value that may repeat: <c>--child-of A --child-of B</c> (a JSON array in batch mode).</summary>
    TextList,
    /// <summary>A JSON value: <c>--data '{"a":1}'</c> (a JSON value, not a string, in batch mode).</summary>
    Json,
    /// <summary>A switch without a value: <c>--instanced</c> (<c>true</c> or <c>false</c> in batch mode).</summary>
    Flag,
    /// <summary>A whole number between <see cref="OptionSpec.Min"/> and <see cref="OptionSpec.Max"/> (a number or text in batch mode).</summary>
    Integer,
}

/// <summary>
/// One option a verb accepts: the single definition from which the command-line option, its help line and its
/// batch key are made.
/// </summary>
/// <param name="Key">The batch-mode key, snake_case (<c>child_of</c>); the command-line name is derived from it.</param>
/// <param name="Kind">How the option takes its value.</param>
/// <param name="Description">The help text.</param>
public sealed record OptionSpec(string Key, OptionKind Kind, string Description)
{
    /// <summary>True when the value is the verb's positional argument (<c>show UUID</c>) rather than an option.</summary>
    public bool Positional { get; init; }

    /// <summary>True when the verb cannot run without it.</summary>
    public bool Required { get; init; }

    /// <summary>True when an empty value is refused (a file name, a URI).</summary>
    public bool NotEmpty { get; init; }

    /// <summary>The placeholder in help (<c>UUID</c>); by default the key in upper case.</summary>
    public string? ValueName { get; init; }

    /// <summary>The smallest value an <see cref="OptionKind.Integer"/> option accepts.</summary>
    public long Min { get; init; } = long.MinValue;

    /// <summary>The largest value an <see cref="OptionKind.Integer"/> option accepts.</summary>
    public long Max { get; init; } = long.MaxValue;

    /// <summary>The command-line spelling: <c>--child-of</c> for key <c>child_of</c>.</summary>
    public string Flag => "--" + Key.Replace('_', '-');

    /// <summary>The name shown for the value in help.</summary>
    public string HelpName => ValueName ?? Key.ToUpperInvariant();
}
