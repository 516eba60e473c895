namespace PipelineSdk.Stores.Embedded;

/// <summary>Where the embedded store keeps its data.</summary>
public sealed record EmbeddedStoreOptions
{
    /// <summary>
    /// The LiteDB file (created when missing). It is opened in shared mode, so several processes on one machine can
    /// use it at once.
    /// </summary>
    public required string FilePath { get; init; }
}
