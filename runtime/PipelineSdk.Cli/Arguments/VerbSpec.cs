namespace PipelineSdk.Cli.Arguments;

/// <summary>A verb: its name, help, options, and the function that runs it and returns what to print.</summary>
/// <param name="Name">The verb as typed: <c>job-uuid</c>, or two words for a verb group: <c>pipelines add</c>.</param>
/// <param name="Description">One sentence of help.</param>
/// <param name="Options">The options it accepts, positional ones included.</param>
/// <param name="Run">
/// Runs the verb and returns the text to print (null for nothing); throws <see cref="UsageException"/> on bad input and
/// a <see cref="Errors.PipelineJobException"/> when the operation is refused.
/// </param>
public sealed record VerbSpec(string Name, string Description, IReadOnlyList<OptionSpec> Options, Func<VerbInput, CancellationToken, Task<string?>> Run)
{
    /// <summary>A compute verb: a pure function of its input that returns one value to print.</summary>
    public VerbSpec(string name, string description, IReadOnlyList<OptionSpec> options, Func<VerbInput, string> compute)
        : this(name, description, options, (input, _) => Task.FromResult<string?>(compute(input)))
    {
    }

    /// <summary>False for verbs that make no sense once per stdin line (<c>serve</c>, <c>actor</c>).</summary>
    public bool AllowsBatch { get; init; } = true;
}
