namespace PipelineSdk.Cli.Arguments;

/// <summary>A compute verb: its name, its options, and the function that turns its input into one output line.</summary>
/// <param name="Name">The verb as typed: <c>job-uuid</c>.</param>
/// <param name="Usage">One line of usage text.</param>
/// <param name="Options">The options it accepts.</param>
/// <param name="Compute">Computes the value to print; throws <see cref="UsageException"/> on bad input.</param>
public sealed record VerbSpec(string Name, string Usage, IReadOnlyList<OptionSpec> Options, Func<VerbInput, string> Compute);
