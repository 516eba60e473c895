using System.Net;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>
/// The events-endpoint findings of the hostile-input probe, each reproduced through a loopback listener on both
/// stores (a real embedded file, the MongoDB wire server): what was accepted or crashed is now refused with a JSON
/// error, and nothing is written.
/// </summary>
[Collection(MongoCollection.Name)]
public sealed class HostileInputTests(CongoServerFixture wire) : IAsyncLifetime
{
    private readonly string _database = "psdk_hostile_" + Guid.NewGuid().ToString("N");
    private readonly List<IDisposable> _opened = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _opened.ForEach(store => store.Dispose());
        await wire.Client.DropDatabaseAsync(_database);
    }

    public static TheoryData<string> Stores => new() { "embedded", "mongo" };

    private async Task<IPipelineJobStore> OpenAsync(string kind)
    {
        if (kind == "embedded")
        {
            var embedded = await TestJobs.EmbeddedAsync();
            _opened.Add(embedded);
            return embedded;
        }

        var mongo = new MongoJobStore(wire.Client.GetDatabase(_database), TestJobs.StoreOptions);
        await mongo.RegisterPipelineAsync(TestJobs.Pipeline, new JsonObject { ["name"] = "Endpoint tests" });
        return mongo;
    }

    private static string Callback(JobSnapshot job, string uuid) =>
        EndpointServer.Query(("x-nonce", EndpointServer.Nonce), ("token", job.CallbackToken.Reveal()), ("uuid", uuid));

    // D2: numbers beyond double's range parse to infinity, which was stored and then broke every read of the job.
    [Theory]
    [InlineData("embedded", "application/json", """{"name":"update","data":{"x":[1,1e999]}}""", "/data/x/1")]
    [InlineData("embedded", "text/plain", """{"name":"update","data":{"x":-1e999}}""", "/data/x")]
    [InlineData("embedded", "application/json", """{"appId":"a-1.0","status":"RUNNING","size":1e400}""", "/size")]
    [InlineData("mongo", "application/json", """{"name":"update","data":{"x":[1,1e999]}}""", "/data/x/1")]
    [InlineData("mongo", "application/json", """{"appId":"a-1.0","status":"RUNNING","nested":{"n":-1e400}}""", "/nested/n")]
    [InlineData("mongo", "application/json", """{"message":"{\"name\":\"update\",\"data\":{\"y\":1E+999}}"}""", "/data/y")]
    public async Task D2_non_finite_numbers_are_refused_with_their_json_pointer_and_nothing_is_written(string kind, string contentType, string body, string pointer)
    {
        var store = await OpenAsync(kind);
        await using var server = await EndpointServer.StartAsync(store);
        var job = await TestJobs.CreateAsync(store);
        var before = await TestJobs.FingerprintAsync(store, job.Uuid);

        using var response = await server.PostAsync(Callback(job, job.Uuid) + "&status=RUNNING", body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await EndpointServer.JsonAsync(response);
        Assert.Equal("validation", (string?)error["error"]!["type"]);
        Assert.Contains($"out of range (beyond ±1.8e308, so not finite) at JSON pointer '{pointer}'", (string?)error["message"]);
        Assert.Equal(before, await TestJobs.FingerprintAsync(store, job.Uuid));
    }

    // D2 (reading): a job that an older version or Python wrote with infinity or NaN in it stays readable, by the
    // store and by `show`/`history` (which used to abort with exit 134 for good).
    [Fact]
    public async Task D2_a_job_already_holding_infinity_or_nan_is_read_by_the_store_and_by_show_and_history()
    {
        var store = (MongoJobStore)await OpenAsync("mongo");
        var job = await TestJobs.CreateAsync(store);
        var jobs = wire.Client.GetDatabase(_database).GetCollection<BsonDocument>("jobs");
        var entry = new BsonDocument
        {
            { "date", DateTime.UtcNow }, { "data", new BsonDocument { { "x", double.PositiveInfinity }, { "y", double.NaN } } },
            { "name", "update" }, { "uuid", "1085ea2c-0c8a-5d6b-8c56-6d6a6d0c4e11" },
        };
        await jobs.UpdateOneAsync(new BsonDocument("uuid", job.Uuid), new BsonDocument
        {
            { "$set", new BsonDocument("data.too_big", double.NegativeInfinity) },
            { "$push", new BsonDocument("history", entry) },
        });

        var read = await store.GetAsync(job.Uuid);
        var uri = wire.ConnectionString.Replace("/?", $"/{_database}?", StringComparison.Ordinal);
        var show = ToolProcess.Run("show", job.Uuid, "--mongo", uri, "--json");
        var showText = ToolProcess.Run("show", job.Uuid, "--mongo", uri);
        var history = ToolProcess.Run("history", job.Uuid, "--mongo", uri, "--json");

        Assert.Equal("-Infinity", (string?)read.Data["too_big"]);
        Assert.Equal("""{"x":"Infinity","y":"NaN"}""", read.History[^1].Data!.ToJsonString());
        Assert.True(show.Exit == 0, show.Stderr);
        Assert.Equal("-Infinity", (string?)JsonNode.Parse(show.Stdout)!["data"]!["too_big"]);
        Assert.True(showText.Exit == 0, showText.Stderr);
        Assert.True(history.Exit == 0, history.Stderr);
        Assert.Equal("Infinity", (string?)JsonNode.Parse(history.Stdout)!.AsArray()[^1]!["data"]!["x"]);
    }

    // D5: a NUL in an object key cannot be stored as BSON; it gave a 500 with an empty body.
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task D5_a_nul_in_a_key_is_a_json_400_naming_the_key_and_nothing_is_written(string kind)
    {
        var store = await OpenAsync(kind);
        await using var server = await EndpointServer.StartAsync(store);
        var job = await TestJobs.CreateAsync(store);
        var before = await TestJobs.FingerprintAsync(store, job.Uuid);

        using var response = await server.PostAsync(Callback(job, job.Uuid) + "&event=update", """{"data":{"ok":{"k\u0000":1}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await EndpointServer.JsonAsync(response);
        Assert.Contains("a key contains the NUL character", (string?)error["message"]);
        Assert.Contains("'/data/ok/k\0'", (string?)error["message"]);
        Assert.Equal(before, await TestJobs.FingerprintAsync(store, job.Uuid));
    }

    // D5 (below the endpoint): a caller-built payload with a NUL key is refused by the store, naming the pointer.
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task D5_the_store_refuses_a_nul_key_or_an_infinite_number_from_any_caller(string kind)
    {
        var store = await OpenAsync(kind);
        var job = await TestJobs.CreateAsync(store);
        var before = await TestJobs.FingerprintAsync(store, job.Uuid);

        var nul = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["a"] = new JsonArray(new JsonObject { ["b\0"] = 1 }) }, job.UpdateToken));
        var infinite = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["n"] = JsonValue.Create(double.PositiveInfinity) }, job.UpdateToken));
        var create = await Assert.ThrowsAsync<PipelineJobValidationException>(() => store.CreateAsync(new NewJob
        {
            PipelineUuid = TestJobs.Pipeline,
            ArchivePath = "/products/v2/x",
            Data = new JsonObject { ["n"] = JsonValue.Create(double.NaN) },
            Admin = new JobAdmin("sd2eadm"),
        }));

        Assert.Equal("the data of event 'update': the key contains the NUL character (\\u0000) at JSON pointer '/a/0/b\0'; it cannot be stored. Nothing was written.", nul.Message);
        Assert.Contains("at JSON pointer '/n'", infinite.Message);
        Assert.StartsWith("data: the number is not finite", create.Message);
        Assert.Equal(before, await TestJobs.FingerprintAsync(store, job.Uuid));
    }

    // D15: a soft-deleted job kept taking events through the endpoint (update, fail → 200).
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task D15_a_soft_deleted_job_takes_no_events_and_nothing_is_written(string kind)
    {
        var store = await OpenAsync(kind);
        await using var server = await EndpointServer.StartAsync(store);
        var job = await TestJobs.CreateAsync(store);
        await store.ApplyAsync(job.Uuid, JobEvent.Run, null, job.UpdateToken);
        await store.DeleteAsync(job.Uuid, TestJobs.Admins.Issue(), JobDeletion.Soft);
        var before = await TestJobs.FingerprintAsync(store, job.Uuid);

        using var update = await server.PostAsync(Callback(job, job.Uuid) + "&event=update");
        using var fail = await server.PostAsync(Callback(job, job.Uuid) + "&status=FAILED", """{"appId":"a-1.0","status":"FAILED"}""");
        var direct = await Assert.ThrowsAsync<UnknownJobException>(() => store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Finish, null, job.CallbackToken.Reveal()));

        foreach (var response in new[] { update, fail })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var error = await EndpointServer.JsonAsync(response);
            Assert.Equal("unknown_job", (string?)error["error"]!["type"]);
            Assert.Equal($"Job {job.Uuid} was deleted; it takes no events. Nothing was written.", (string?)error["message"]);
        }

        Assert.True(direct.Deleted);
        Assert.Equal(before, await TestJobs.FingerprintAsync(store, job.Uuid));
    }

    // D17: an upper-case job uuid found the job (embedded) but its valid tokens were refused as stale; on MongoDB the
    // job was not found at all. One rule now: every spelling of the uuid means the lower-case canonical one.
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task D17_upper_case_and_bare_hex_uuids_find_the_job_and_its_tokens_are_accepted(string kind)
    {
        var store = await OpenAsync(kind);
        await using var server = await EndpointServer.StartAsync(store);
        var job = await TestJobs.CreateAsync(store);
        var upper = job.Uuid.ToUpperInvariant();
        var bare = job.Uuid.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

        using var run = await server.PostAsync(Callback(job, upper) + "&event=run");
        var viaStore = await store.ApplyWithTokenTextAsync(bare, JobEvent.Update, null, job.CallbackToken.Reveal());
        var read = await store.GetAsync(upper);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(job.Uuid, (string?)(await EndpointServer.JsonAsync(run))["result"]!["job"]!["uuid"]);
        Assert.Equal(job.Uuid, viaStore.Uuid);
        Assert.Equal(job.Uuid, read.Uuid);
        Assert.Equal(["create", "run", "update"], read.History.Select(e => e.Name.ToWireName()));
        Assert.Equal(viaStore.UpdateToken, read.UpdateToken);
    }

    // D17 through the CLI: `show` of an upper-case uuid found the job, but `send` with its valid token was refused
    // as stale; both now work, and both print the one lower-case uuid.
    [Fact]
    public async Task D17_the_cli_sends_and_shows_with_an_upper_case_uuid()
    {
        var file = TestJobs.TempFile();
        JobSnapshot job;
        using (var store = await TestJobs.EmbeddedAsync(file))
        {
            job = await TestJobs.CreateAsync(store);
        }

        try
        {
            var upper = job.Uuid.ToUpperInvariant();
            var send = ToolProcess.Run("send", "run", "--uuid", upper, "--token", job.UpdateToken.Reveal(), "--db", file, "--json");
            var show = ToolProcess.Run("show", upper, "--db", file, "--json");

            Assert.True(send.Exit == 0, send.Stderr);
            Assert.Equal(job.Uuid, (string?)JsonNode.Parse(send.Stdout)!["uuid"]);
            Assert.True(show.Exit == 0, show.Stderr);
            Assert.Equal(job.Uuid, (string?)JsonNode.Parse(show.Stdout)!["uuid"]);
            Assert.Equal("RUNNING", (string?)JsonNode.Parse(show.Stdout)!["state"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // D10: a job document past LiteDB's size limit gave a 500 with an empty body. The SQLite store keeps history as one
    // row per entry, so it has no per-document limit: a job keeps taking events past MongoDB's 16 MB and stays readable.
    [Fact]
    public async Task D10_the_embedded_store_has_no_document_limit_and_a_large_history_stays_readable()
    {
        var store = await OpenAsync("embedded");
        await using var server = await EndpointServer.StartAsync(store, events => events.RateLimitPermits = 0);
        var job = await TestJobs.CreateAsync(store);
        var chunk = new string('x', 900 * 1024);
        for (var i = 0; i < 20; i++)
        {
            var response = await server.PostAsync(Callback(job, job.Uuid) + "&event=update", new JsonObject { ["data"] = new JsonObject { ["blob"] = chunk } }.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var read = await store.GetAsync(job.Uuid);
        Assert.Equal(21, read.History.Count);
        Assert.Equal(chunk, (string?)read.History[^1].Data?["blob"]);
    }

    // D10 on MongoDB: a record past 16 MB is refused (here by the driver, before sending; a real server refuses
    // updates with BSONObjectTooLarge) with the same exception, and nothing is written.
    [Fact]
    public async Task D10_a_mongodb_record_past_16_mb_is_refused_as_history_full()
    {
        var store = await OpenAsync("mongo");
        var job = new NewJob
        {
            PipelineUuid = TestJobs.Pipeline,
            ArchivePath = "/products/v2/too-big",
            Data = new JsonObject { ["blob"] = new string('x', 17 * 1024 * 1024) },
            Admin = new JobAdmin("sd2eadm"),
        };

        var error = await Assert.ThrowsAsync<JobHistoryFullException>(() => store.CreateAsync(job));

        Assert.StartsWith("Cannot create job 107", error.Message);
        Assert.Empty(await store.QueryAsync(new JobQuery { IncludeHidden = true }));
    }
}
