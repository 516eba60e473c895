using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Tests;

/// <summary>The MongoDB store writes documents a Python client reads, and works on documents a Python client wrote.</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoDocumentLayoutTests(CongoServerFixture server) : IAsyncLifetime
{
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    private readonly string _databaseName = "psdk_" + Guid.NewGuid().ToString("N");
    private IMongoDatabase Database => server.Client.GetDatabase(_databaseName);
    private IMongoCollection<BsonDocument> Jobs => Database.GetCollection<BsonDocument>("jobs");

    [Fact]
    public async Task A_new_job_document_has_the_original_field_order_and_types()
    {
        var store = await OpenStoreAsync();
        var job = await store.CreateAsync(new NewJob
        {
            PipelineUuid = Pipeline,
            ArchivePath = "/products/v2/example",
            Data = new JsonObject { ["a"] = 1 },
            Session = "sensible-adder",
            Agent = "https://api.sd2e.org/actors/v2/actor",
            Task = "https://api.sd2e.org/actors/v2/actor/executions/exec",
            Admin = new JobAdmin("sd2eadm"),
        });

        var raw = await Jobs.Find(new BsonDocument("uuid", job.Uuid)).SingleAsync();
        // The order the original writes at create time, then the SDK's two salts (update salt window and callback salt).
        Assert.Equal(
            ["_id", "pipeline_uuid", "archive_path", "archive_system", "archive_patterns", "product_patterns", "data", "session", "agent", "task",
             "generated_by", "child_of", "acted_on", "acted_using", "uuid", "state", "last_event", "history", "updated", "_visible",
             "_properties", "_admin", "_salt", "_recent_salts", "_callback_salt"],
            raw.Names);
        Assert.Equal(BsonType.ObjectId, raw["_id"].BsonType);
        Assert.Equal("CREATED", raw["state"].AsString);
        Assert.Equal("create", raw["last_event"].AsString);
        Assert.Equal(BsonType.DateTime, raw["updated"].BsonType);
        Assert.Equal(["created_date", "modified_date", "revision", "source"], raw["_properties"].AsBsonDocument.Names);
        Assert.Equal(BsonType.Int32, raw["_properties"]["revision"].BsonType);
        Assert.Equal(["owner", "project", "tenant"], raw["_admin"].AsBsonDocument.Names);
        var entry = raw["history"][0].AsBsonDocument;
        Assert.Equal(["date", "data", "name", "uuid"], entry.Names);
        Assert.Equal(BsonType.DateTime, entry["date"].BsonType);
        Assert.Equal(0, entry["date"].ToUniversalTime().Millisecond);
        Assert.Matches("^[a-z0-9+/]{22}==$", raw["_salt"].AsString);
        Assert.Equal(new BsonArray { raw["_salt"] }, raw["_recent_salts"].AsBsonArray);
        Assert.NotEqual(raw["_salt"], raw["_callback_salt"]);
        // The update token is the original's token of the stored salt.
        Assert.Equal(UpdateTokens.Derive(raw["_salt"].AsString, job.Uuid, job.Admin), job.UpdateToken);
    }

    [Fact]
    public async Task An_event_rotates_the_salt_and_keeps_a_window_of_17()
    {
        var store = await OpenStoreAsync();
        var job = await store.CreateAsync(new NewJob { PipelineUuid = Pipeline, ArchivePath = "/p", Admin = new JobAdmin("sd2eadm") });
        var salts = new List<string> { (await RawAsync(job.Uuid))["_salt"].AsString };
        for (var i = 0; i < 20; i++)
        {
            job = (await store.ApplyAsync(job.Uuid, JobEvent.Update, null, job.UpdateToken)).ApplyTo(job);
            salts.Add((await RawAsync(job.Uuid))["_salt"].AsString);
        }

        var raw = await RawAsync(job.Uuid);
        Assert.Equal(salts.Distinct().Count(), salts.Count);
        Assert.Equal(salts.TakeLast(17), raw["_recent_salts"].AsBsonArray.Select(s => s.AsString));
        Assert.Equal(20, raw["_properties"]["revision"].ToInt32());
    }

    [Fact]
    public async Task A_document_written_by_the_python_original_takes_events_with_its_token()
    {
        var store = await OpenStoreAsync();
        // The shape the original writes (no salt window, no callback salt), with the salt, uuid and _admin of the
        // token vector of the Python original: the Python original gives token 75e323a3576d3838 for them.
        var created = new DateTime(2019, 2, 15, 21, 30, 9, DateTimeKind.Utc);
        await Jobs.InsertOneAsync(new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() },
            { "pipeline_uuid", "10650844-1baa-55c5-a481-5e945b19c065" },
            { "archive_path", "/products/v2/106508441baa55c5a4815e945b19c065/x/y" },
            { "archive_system", "data-sd2e-community" },
            { "data", new BsonDocument("param1", "value1") },
            { "child_of", new BsonArray { "10483e8d-6602-532a-8941-176ce20dd05a" } },
            { "uuid", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5" },
            { "state", "CREATED" },
            { "last_event", "create" },
            { "history", new BsonArray { new BsonDocument { { "date", created }, { "data", new BsonDocument("param1", "value1") }, { "name", "create" }, { "uuid", "1086c6e4-1f3b-5c06-9b25-5d8a5a0b0e6e" } } } },
            { "updated", created },
            { "_visible", true },
            { "_properties", new BsonDocument { { "created_date", created }, { "modified_date", created }, { "revision", 0 }, { "source", "testing" } } },
            { "_admin", new BsonDocument { { "owner", "sd2eadm" }, { "project", "SD2E-Community" }, { "tenant", "sd2e" } } },
            { "_salt", "aaecawqfbgcicqolda0odw==" },
        });

        var running = await store.ApplyWithTokenTextAsync("107b93f3-1eae-5e79-8a18-0a480f8aa3a5", JobEvent.Run, null, "75e323a3576d3838");

        Assert.Equal(JobState.Running, running.State);
        Assert.Equal(1, running.Revision);
        Assert.Equal(created, (await store.GetAsync(running.Uuid)).CreatedDate.UtcDateTime);
        var raw = await RawAsync(running.Uuid);
        Assert.Equal("RUNNING", raw["state"].AsString);
        Assert.True(raw.Contains("_callback_salt"));
        // The next events work with the returned (rotated) token and with the callback token now stored.
        var updated = await store.ApplyAsync(running.Uuid, JobEvent.Update, null, running.UpdateToken);
        running = await store.ApplyAsync(running.Uuid, JobEvent.Finish, null, updated.CallbackToken);
        Assert.Equal(JobState.Finished, running.State);
        Assert.Equal(3, running.Revision);
    }

    [Fact]
    public async Task Indexes_are_those_of_the_original_and_creating_them_again_is_harmless()
    {
        var store = new MongoJobStore(Database);
        await store.EnsureIndexesAsync();
        await new MongoJobStore(Database).EnsureIndexesAsync();

        var indexes = await (await Jobs.Indexes.ListAsync()).ToListAsync();
        var byName = indexes.ToDictionary(i => i["name"].AsString);
        Assert.Equal(
            ["_id_", "acted_on_1", "acted_using_1", "archive_path_1", "child_of_1", "generated_by_1", "pipeline_uuid_1", "uuid_1"],
            byName.Keys.Order(StringComparer.Ordinal));
        Assert.True(byName["uuid_1"]["unique"].ToBoolean());
        Assert.True(byName["uuid_1"]["sparse"].ToBoolean());
        Assert.False(byName["child_of_1"].Contains("unique"));
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => server.Client.DropDatabaseAsync(_databaseName);

    private async Task<MongoJobStore> OpenStoreAsync()
    {
        var store = new MongoJobStore(Database);
        await store.RegisterPipelineAsync(Pipeline, null);
        await store.RegisterPipelineAsync("10650844-1baa-55c5-a481-5e945b19c065", null);
        return store;
    }

    private Task<BsonDocument> RawAsync(string uuid) => Jobs.Find(new BsonDocument("uuid", uuid)).SingleAsync();
}
