using System.Text.Json.Nodes;

namespace PipelineSdk.Jobs;

/// <summary>How <see cref="JobManager.ResetToCreatedAsync"/> resets a job (the original's <c>reset()</c> arguments).</summary>
public sealed record ResetOptions
{
    /// <summary>The payload of the <c>reset</c> event.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>Delete and recreate the archive path between <c>reset</c> and <c>ready</c> (default true; the original's <c>no_clear_path=False</c>).</summary>
    public bool ClearArchivePath { get; init; } = true;

    /// <summary>
    /// When clearing the archive path fails: false (default) raises and leaves the job in RESET, as the original;
    /// true logs the failure and still sends <c>ready</c>.
    /// </summary>
    public bool Permissive { get; init; }
}
