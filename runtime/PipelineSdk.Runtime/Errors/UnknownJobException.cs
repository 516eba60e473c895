namespace PipelineSdk.Errors;

/// <summary>No job with the given uuid exists in the store, or it was soft-deleted (<see cref="Deleted"/>).</summary>
public sealed class UnknownJobException : PipelineJobException
{
    /// <summary>Creates the exception for the missing job.</summary>
    public UnknownJobException(string uuid) : base($"{uuid} is not a valid job ID: no such job.")
    {
        Uuid = uuid;
    }

    /// <summary>Creates the exception for a job that exists only as a soft-deleted record, which takes no events.</summary>
    /// <param name="uuid">The job.</param>
    /// <param name="deleted">True: the record is hidden (<c>_visible: false</c>).</param>
    public UnknownJobException(string uuid, bool deleted)
        : base(deleted ? $"Job {uuid} was deleted; it takes no events. Nothing was written." : $"{uuid} is not a valid job ID: no such job.")
    {
        Uuid = uuid;
        Deleted = deleted;
    }

    /// <summary>The uuid that was looked up.</summary>
    public string Uuid { get; }

    /// <summary>True when the job exists only as a soft-deleted (hidden) record.</summary>
    public bool Deleted { get; }
}
