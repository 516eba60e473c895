using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>The test classes of this project that share one CongoDB wire server.</summary>
[CollectionDefinition(Name)]
public sealed class WireServerCollection : ICollectionFixture<CongoServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Reliability: MongoDB wire server";
}
