namespace PipelineSdk.Errors;

/// <summary>
/// An update or callback token did not match the job. The message names the job and the event,
/// never the token itself.
/// </summary>
public class InvalidTokenException : PipelineJobException
{
    /// <summary>Creates the exception with a message that does not include the token.</summary>
    public InvalidTokenException(string message) : base(message) { }
}
