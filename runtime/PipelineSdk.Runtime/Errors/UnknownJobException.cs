namespace PipelineSdk.Errors;

/// <summary>No job with the given uuid exists in the store.</summary>
public sealed class UnknownJobException : PipelineJobException
{
    /// <summary>Creates the exception for the missing job.</summary>
    public UnknownJobException(string uuid) : base($"{uuid} is not a valid job ID: no such job.")
    {
        Uuid = uuid;
    }

    /// <summary>The uuid that was looked up.</summary>
    public string Uuid { get; }
}
