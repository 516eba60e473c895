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
    /// <summary>A switch without a value: <c>--instanced</c>.</summary>
    Flag,
}

/// <summary>One option a verb accepts.</summary>
/// <param name="Key">The batch-mode key, snake_case (<c>child_of</c>); the command-line name is derived from it.</param>
/// <param name="Kind">How the option takes its value.</param>
/// <param name="Positional">True when the value may also be given as the verb's positional argument.</param>
public sealed record OptionSpec(string Key, OptionKind Kind, bool Positional = false)
{
    /// <summary>The command-line spelling: <c>--child-of</c> for key <c>child_of</c>.</summary>
    public string Flag => "--" + Key.Replace('_', '-');
}
