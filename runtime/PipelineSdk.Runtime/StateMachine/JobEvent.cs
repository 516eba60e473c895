namespace PipelineSdk;

/// <summary>The events of a PipelineJob, in the original's definition order. Stored lower-case.</summary>
public enum JobEvent
{
    /// <summary>Creates the job record (sent by setup only).</summary>
    Create,
    /// <summary>The job's work started.</summary>
    Run,
    /// <summary>A progress note; the state does not change.</summary>
    Update,
    /// <summary>A resource note (for example an Agave queue status); the state does not change.</summary>
    Resource,
    /// <summary>The job failed.</summary>
    Fail,
    /// <summary>The job's work finished.</summary>
    Finish,
    /// <summary>Indexing of the archive path started.</summary>
    Index,
    /// <summary>Indexing of the archive path finished.</summary>
    Indexed,
    /// <summary>Validation of the outputs started.</summary>
    Validate,
    /// <summary>Validation of the outputs succeeded.</summary>
    Validated,
    /// <summary>The outputs were finalized.</summary>
    Finalize,
    /// <summary>The outputs were rejected.</summary>
    Reject,
    /// <summary>The job was retired.</summary>
    Retire,
    /// <summary>An administrator reset the job (admin token required).</summary>
    Reset,
    /// <summary>An administrator made a reset job ready again (admin token required).</summary>
    Ready,
}
