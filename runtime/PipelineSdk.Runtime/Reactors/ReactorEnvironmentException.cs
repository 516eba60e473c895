namespace PipelineSdk.Reactors;

/// <summary>
/// An Abaco environment variable has a value the reactor cannot use (a malformed <c>MSG</c>, an API server that is
/// not a URL, a <c>LOCALONLY</c> that is not a boolean). The message names the variable; it never repeats a secret.
/// </summary>
public sealed class ReactorEnvironmentException : Errors.PipelineJobException
{
    /// <summary>Creates the exception for <paramref name="variable"/>.</summary>
    public ReactorEnvironmentException(string variable, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Variable = variable;
    }

    /// <summary>The name of the environment variable at fault.</summary>
    public string Variable { get; }
}
