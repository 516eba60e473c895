namespace PipelineSdk.Configuration;

/// <summary>
/// The reactor's configuration cannot be used: invalid YAML (with file, line and column), an override for a key the
/// schema does not declare, or an override that does not convert to the declared type. <see cref="Problems"/> lists
/// every problem found, each naming its file or variable; secret values are never included.
/// </summary>
public sealed class ReactorConfigurationException : Errors.PipelineJobException
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public ReactorConfigurationException(IReadOnlyList<string> problems, Exception? innerException = null)
        : base(Describe(problems), innerException)
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public ReactorConfigurationException(string problem, Exception? innerException = null)
        : this(new[] { problem }, innerException) { }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? problems[0]
            : $"The configuration has {problems.Count} problems:" + Environment.NewLine + "  "
              + string.Join(Environment.NewLine + "  ", problems);
}
