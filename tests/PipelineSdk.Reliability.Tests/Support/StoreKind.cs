namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>Which job store a test runs against.</summary>
public enum StoreKind
{
    /// <summary>The embedded SQLite store on a temporary file.</summary>
    Embedded,

    /// <summary>The same with <c>Durability = Full</c>: a flush to disk per transaction, fewer writes per batch.</summary>
    EmbeddedFull,

    /// <summary>The MongoDB store on the CongoDB wire server.</summary>
    Mongo,
}
