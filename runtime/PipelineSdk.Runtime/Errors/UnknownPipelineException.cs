namespace PipelineSdk.Errors;

/// <summary>The pipeline a job names is not registered in the <c>pipelines</c> collection.</summary>
public sealed class UnknownPipelineException : PipelineJobException
{
    /// <summary>Creates the exception for the missing pipeline.</summary>
    public UnknownPipelineException(string pipelineUuid)
        : base($"Failed to verify pipeline_uuid:{pipelineUuid} exists in store pipeline.")
    {
        PipelineUuid = pipelineUuid;
    }

    /// <summary>The pipeline uuid that was looked up.</summary>
    public string PipelineUuid { get; }
}
