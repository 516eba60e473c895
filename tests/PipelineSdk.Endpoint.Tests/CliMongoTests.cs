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

    [Fact]
    public async Task Create_builds_the_job_in_mongodb_and_refuses_an_unregistered_pipeline()
    {
        // Python original's vector: pipeline 106c46ff-…, child [1041ab3f-…], data {} → job 107596b8-… and this archive path.
        const string uuid = "107596b8-25b2-557d-9702-853f0690c576";
        var owner = new Dictionary<string, string> { ["TACC_USERNAME"] = "sd2eadm" };
        var unregistered = ToolProcess.Run(owner, "create", "--pipeline", TestJobs.Pipeline, "--mongo", Uri);
        ToolProcess.Run("pipelines", "add", "--uuid", TestJobs.Pipeline, "--mongo", Uri);

        var created = ToolProcess.Run(owner, "create", "--pipeline", TestJobs.Pipeline, "--child-of", "1041ab3f-5221-5c79-8781-8838dfb6eef9",
            "--data", "{}", "--session", "sensible-adder", "--api-server", "http://127.0.0.1:5080", "--manager-id", "jobs-manager.test", "--nonce", "N1",
            "--mongo", Uri, "--json");

        Assert.Equal(1, unregistered.Exit);
        Assert.Contains(TestJobs.Pipeline, unregistered.Stderr);
        Assert.True(created.Exit == 0, created.Stderr);
        var stored = await new MongoJobStore(wire.Client.GetDatabase(_database), TestJobs.StoreOptions).GetAsync(uuid);
        var printed = JsonNode.Parse(created.Stdout)!.AsObject();
        var callback = $"http://127.0.0.1:5080/actors/v2/jobs-manager.test/messages?x-nonce=N1&token={stored.CallbackToken.Reveal()}&uuid={uuid}&session=sensible-adder";
        Assert.Equal(
            new JsonObject
            {
                ["uuid"] = uuid,
                ["state"] = "CREATED",
                ["archive_path"] = "/products/v2/106c46ff81865756a934071f4497b58d/kZpoopq2GBKYy6DQ9pqqNbk8/PAVpwrObxp5YjYRvrJOd5yVp",
                ["callback"] = callback,
                ["token"] = stored.UpdateToken.Reveal(),
                ["agave_notifications"] = new JsonArray(
                    new JsonObject { ["event"] = "RUNNING", ["persistent"] = true, ["url"] = callback + "&status=${JOB_STATUS}" },
                    new JsonObject { ["event"] = "FINISHED", ["persistent"] = false, ["url"] = callback + "&status=FINISHED" },
                    new JsonObject { ["event"] = "FAILED", ["persistent"] = false, ["url"] = callback + "&status=${JOB_STATUS}" }),
            }.ToJsonString(),
            printed.ToJsonString());
        Assert.Equal(stored.ArchivePath, (string?)printed["archive_path"]);
        Assert.Equal(["create"], stored.History.Select(e => e.Name.ToWireName()));
    }
}
