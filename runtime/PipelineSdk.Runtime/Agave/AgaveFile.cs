namespace PipelineSdk.Agave;

/// <summary>A file found by <see cref="AgaveFilesClient.ListAsync"/>.</summary>
/// <param name="Path">The absolute path on the storage system, e.g. <c>/products/v2/…/output.csv</c>.</param>
/// <param name="Length">The size in bytes, as Agave reports it.</param>
public sealed record AgaveFile(string Path, long Length);
