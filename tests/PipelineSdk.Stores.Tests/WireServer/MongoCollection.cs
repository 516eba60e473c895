namespace PipelineSdk.Stores.Tests.WireServer;

/// <summary>The test classes that share one wire server for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class MongoCollection : ICollectionFixture<CongoServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "MongoDB wire server";
}
