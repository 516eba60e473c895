using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>The test classes of this project that share one CongoDB wire server.</summary>
// Run alone, after the parallel fuzz classes, so load figures are not measured on a CPU busy with fuzzing.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WireServerCollection : ICollectionFixture<CongoServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Reliability: MongoDB wire server";
}
