namespace PipelineSdk.Stores;

/// <summary>How <see cref="IPipelineJobStore.DeleteAsync"/> removes a job.</summary>
public enum JobDeletion
{
    /// <summary>Removes the document.</summary>
    Hard,

    /// <summary>Keeps the document and sets <c>_visible</c> to false, so queries no longer list it.</summary>
    Soft,
}
