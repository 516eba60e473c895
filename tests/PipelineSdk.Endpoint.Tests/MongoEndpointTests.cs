using System.Net;
using System.Text.Json.Nodes;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>A subset of the endpoint tests with the MongoDB store on the CongoDB wire server.</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoEndpointTests(CongoServerFixture wire) : IAsyncLifetime
{
    private readonly string _database = "psdk_endpoint_" + Guid.NewGuid().ToString("N");
    private MongoJobStore _store = null!;
    private EndpointServer _server = null!;

    public async Task InitializeAsync()
    {
        _store = new MongoJobStore(wire.Client.GetDatabase(_database), TestJobs.StoreOptions);
        await _store.RegisterPipelineAsync(TestJobs.Pipeline, new JsonObject { ["name"] = "Endpoint tests" });
        _server = await EndpointServer.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await wire.Client.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task Agave_notification_sequence_is_applied_and_a_refused_one_writes_nothing()
    {
        var job = await TestJobs.CreateAsync(_store);
        var callback = EndpointServer.Query(("x-nonce", EndpointServer.Nonce), ("token", job.CallbackToken.Reveal()), ("uuid", job.Uuid));

        var running = await _server.PostAsync(callback + "&status=RUNNING", """{"appId":"a-1.0","status":"RUNNING","localId":"9"}""");
        var finished = await _server.PostAsync(callback + "&status=FINISHED", """{"appId":"a-1.0","status":"FINISHED"}""");
        var before = await TestJobs.FingerprintAsync(_store, job.Uuid);
        var failed = await _server.PostAsync(callback + "&status=FAILED", """{"appId":"a-1.0","status":"FAILED"}""");
        var badToken = await _server.PostAsync(EndpointServer.Query(("x-nonce", EndpointServer.Nonce), ("token", "0123456789abcdef"), ("uuid", job.Uuid), ("event", "update")));

        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, badToken.StatusCode);
        Assert.Equal(before, await TestJobs.FingerprintAsync(_store, job.Uuid));
        var stored = await _store.GetAsync(job.Uuid);
        Assert.Equal(["create", "run", "finish"], stored.History.Select(h => h.Name.ToWireName()));
        Assert.Equal("""{"appId":"a-1.0","status":"RUNNING"}""", stored.History[1].Data!.ToJsonString());
    }

    [Fact]
    public async Task Two_hundred_concurrent_callback_updates_add_exactly_two_hundred_history_entries()
    {
        var job = await TestJobs.CreateAsync(_store);
        var query = EndpointServer.Query(("x-nonce", EndpointServer.Nonce), ("uuid", job.Uuid), ("token", job.CallbackToken.Reveal()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            _server.PostAsync(query, new JsonObject { ["name"] = "update", ["data"] = new JsonObject { ["i"] = i } }.ToJsonString())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await _store.GetAsync(job.Uuid);
        Assert.Equal(201, stored.History.Count);
        Assert.Equal(Enumerable.Range(0, 200), stored.History.Skip(1).Select(h => (int)h.Data!["i"]!).Order());
    }
}
