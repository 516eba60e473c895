namespace PipelineSdk.Errors;

/// <summary>Input failed validation. <see cref="Problems"/> lists every problem, each naming where it is.</summary>
public sealed class PipelineJobValidationException : PipelineJobException
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public PipelineJobValidationException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : "Validation failed:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public PipelineJobValidationException(string problem) : this(new[] { problem }) { }

    /// <summary>Every problem found, each naming its place (argument, key path, JSON pointer).</summary>
    public IReadOnlyList<string> Problems { get; }
}
