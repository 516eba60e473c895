using System.Text.Json.Nodes;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>The operator verbs as processes against the MongoDB wire server.</summary>
[Collection(MongoCollection.Name)]
public sealed class CliMongoTests(CongoServerFixture wire) : IAsyncLifetime
{
    private readonly string _database = "psdk_cli_" + Guid.NewGuid().ToString("N");

    private string Uri => wire.ConnectionString.Replace("/?", $"/{_database}?", StringComparison.Ordinal);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => wire.Client.DropDatabaseAsync(_database);

    [Fact]
    public async Task Pipelines_send_show_and_list_work_against_mongodb()
    {
        var add = ToolProcess.Run("pipelines", "add", "--uuid", TestJobs.Pipeline, "--name", "Endpoint tests", "--mongo", Uri);
        var store = new MongoJobStore(wire.Client.GetDatabase(_database), TestJobs.StoreOptions);
        var job = await TestJobs.CreateAsync(store);

        var send = ToolProcess.Run("send", "run", "--uuid", job.Uuid, "--token", job.CallbackToken.Reveal(), "--mongo", Uri, "--json");
        var show = ToolProcess.Run("show", job.Uuid, "--mongo", Uri, "--json");
        var list = ToolProcess.Run("list", "--mongo", Uri, "--json");
        var refused = ToolProcess.Run("send", "run", "--uuid", job.Uuid, "--token", "0123456789abcdef", "--mongo", Uri);

        Assert.Equal(0, add.Exit);
        Assert.Equal(0, send.Exit);
        var stored = await store.GetAsync(job.Uuid);
        Assert.Equal(stored.UpdateToken.Reveal(), (string?)JsonNode.Parse(send.Stdout)!["token"]);
        Assert.Equal("RUNNING", (string?)JsonNode.Parse(show.Stdout)!["state"]);
        Assert.Equal(job.Uuid, (string?)JsonNode.Parse(list.Stdout)!.AsArray().Single()!["uuid"]);
        Assert.Equal(1, refused.Exit);
        Assert.Equal(1, (await store.GetAsync(job.Uuid)).Revision);
    }
}
