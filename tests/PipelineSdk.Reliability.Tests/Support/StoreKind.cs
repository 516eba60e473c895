namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>Which job store a test runs against.</summary>
public enum StoreKind
{
    /// <summary>The embedded SQLite store on a temporary file.</summary>
    Embedded,

    /// <summary>The MongoDB store on the CongoDB wire server.</summary>
    Mongo,
}
