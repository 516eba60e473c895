namespace PipelineSdk.Errors;

/// <summary>
/// Base type of every error the SDK raises about a pipeline job, on every entry point
/// (job object, instance, store, events endpoint, CLI). Messages never contain secrets.
/// </summary>
public class PipelineJobException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong and where.</summary>
    public PipelineJobException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public PipelineJobException(string message, Exception? innerException) : base(message, innerException) { }
}
