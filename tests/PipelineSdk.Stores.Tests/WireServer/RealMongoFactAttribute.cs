namespace PipelineSdk.Stores.Tests.WireServer;

/// <summary>
/// A test that needs a real MongoDB: CongoDB does not enforce unique indexes. It runs only when
/// PIPELINESDK_TEST_MONGO_URI names a server, and is reported as skipped otherwise (never as passed).
/// </summary>
public sealed class RealMongoFactAttribute : FactAttribute
{
    /// <summary>Skips the test unless a real MongoDB is configured.</summary>
    public RealMongoFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(CongoServerFixture.RealMongoVariable)))
        {
            Skip = $"Needs a real MongoDB (unique index enforcement, which CongoDB lacks): set {CongoServerFixture.RealMongoVariable}.";
        }
    }
}
