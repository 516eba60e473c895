using Microsoft.Extensions.Logging;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Jobs.Tests;

/// <summary>The lifecycle suite on MongoDB (the CongoDB wire server, or PIPELINESDK_TEST_MONGO_URI).</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoJobLifecycleTests(CongoServerFixture server) : JobLifecycleTests, IAsyncLifetime
{
    private readonly string _database = "psdk_jobs_" + Guid.NewGuid().ToString("N");

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) =>
        StoreKinds.Mongo(server, _database, options, loggerFactory);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.Client.DropDatabaseAsync(_database);
}

/// <summary>The lifecycle suite on the embedded LiteDB store (a temp file).</summary>
public sealed class EmbeddedJobLifecycleTests : JobLifecycleTests, IDisposable
{
    private readonly TempStoreFile _file = new();

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _file.Open(options, loggerFactory);

    public void Dispose() => _file.Dispose();
}

/// <summary>The HTTP suite (fake Agave and events endpoint) on MongoDB.</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoJobHttpTests(CongoServerFixture server) : JobHttpTests, IAsyncLifetime
{
    private readonly string _database = "psdk_jobs_" + Guid.NewGuid().ToString("N");

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) =>
        StoreKinds.Mongo(server, _database, options, loggerFactory);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.Client.DropDatabaseAsync(_database);
}

/// <summary>The HTTP suite on the embedded store.</summary>
public sealed class EmbeddedJobHttpTests : JobHttpTests, IDisposable
{
    private readonly TempStoreFile _file = new();

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _file.Open(options, loggerFactory);

    public void Dispose() => _file.Dispose();
}
