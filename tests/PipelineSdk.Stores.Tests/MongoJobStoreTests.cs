using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Stores;

namespace PipelineSdk.Stores.Tests;

/// <summary>The conformance suite against the MongoDB store, on the CongoDB wire server (or a real MongoDB).</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoJobStoreTests(CongoServerFixture server) : JobStoreConformanceTests, IAsyncLifetime
{
    private readonly string _database = "psdk_" + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    protected override IPipelineJobStore OpenStore(JobStoreOptions options) =>
        new MongoJobStore(server.Client.GetDatabase(_database), options);

    [RealMongoFact]
    public async Task Concurrent_creates_of_one_job_make_one_record()
    {
        var store = await NewStoreAsync();
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.CreateAsync(NewJob()))));

        Assert.Single(created.Select(j => j.Uuid).Distinct());
        Assert.Single(await store.QueryAsync(new JobQuery { IncludeHidden = true }));
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => server.Client.DropDatabaseAsync(_database);
}
