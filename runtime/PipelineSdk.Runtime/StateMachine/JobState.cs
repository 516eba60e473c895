namespace PipelineSdk;

/// <summary>The states of a PipelineJob, in the original's definition order. Stored upper-case.</summary>
public enum JobState
{
    /// <summary>The job record exists; nothing has run yet.</summary>
    Created,
    /// <summary>The job's work is running.</summary>
    Running,
    /// <summary>The job failed.</summary>
    Failed,
    /// <summary>The job's work finished.</summary>
    Finished,
    /// <summary>The job's archive path is being indexed.</summary>
    Indexing,
    /// <summary>The job's outputs are being validated.</summary>
    Validating,
    /// <summary>The job's outputs were validated.</summary>
    Validated,
    /// <summary>The job's outputs were rejected.</summary>
    Rejected,
    /// <summary>The job was finalized.</summary>
    Finalized,
    /// <summary>The job was retired; only reset leaves this state.</summary>
    Retired,
    /// <summary>The job was reset by an administrator and waits for <c>ready</c>.</summary>
    Reset,
}
