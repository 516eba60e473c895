using Microsoft.Extensions.Logging;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Jobs.Tests;

/// <summary>The lifecycle suite on MongoDB (the CongoDB wire server, or PIPELINESDK_TEST_MONGO_URI).</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoJobLifecycleTests(CongoServerFixture server) : JobLifecycleTests, IAsyncLifetime
{
    private readonly TempMongoDatabase _database = new(server);

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _database.Open(options, loggerFactory);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DropAsync();
}
