namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// What an acknowledged event survives on the embedded store (SQLite's <c>synchronous</c> setting in WAL mode). Both
/// levels survive the process being killed: a commit is in the operating system's cache before it is acknowledged.
/// </summary>
public enum EmbeddedDurability
{
    /// <summary>
    /// The default. The disk is flushed at checkpoints only: a power loss or an operating-system crash may lose the
    /// most recent acknowledged events (the file stays consistent).
    /// </summary>
    Normal,

    /// <summary>
    /// Every commit is flushed to the disk (<c>fsync</c>) before it is acknowledged, so it also survives a power loss
    /// or an operating-system crash.
    /// </summary>
    Full,
}
