namespace PipelineSdk.Stores.Embedded;

/// <summary>Where the embedded store keeps its data and how long it waits for the file's write lock.</summary>
public sealed record EmbeddedStoreOptions
{
    /// <summary>
    /// The SQLite file. The first write creates it (and its folder); a read on a missing file finds nothing and
    /// creates nothing. Several processes on one machine can use the file at once.
    /// </summary>
    public required string FilePath { get; init; }

    /// <summary>
    /// How long an operation waits for the file's write lock (held by another writer of this or another process)
    /// before it fails with <see cref="Errors.PipelineStoreUnavailableException"/>. Default 10 seconds.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When SQLite forces a commit to the disk; see <see cref="EmbeddedDurability"/>. Default
    /// <see cref="EmbeddedDurability.Normal"/>: an acknowledged event survives the process being killed, not a power
    /// loss. <see cref="EmbeddedDurability.Full"/> flushes every commit to the disk, which measured markedly slower
    /// (docs/benchmarks.md).
    /// </summary>
    public EmbeddedDurability Durability { get; init; } = EmbeddedDurability.Normal;

    /// <summary>
    /// Whether the first write may create a missing file. When false, every operation on a missing file fails with
    /// <see cref="Errors.PipelineStoreFileException"/> (for tools whose verbs must not create a store by accident).
    /// </summary>
    public bool CreateIfMissing { get; init; } = true;
}
