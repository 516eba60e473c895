using System.Diagnostics;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>
/// D9: twelve identical creates at once (and twelve identical <c>pipelines add</c>) crashed some processes on the
/// unique index. Every one must now end with the one job (or pipeline) that exists, none with an exception.
/// </summary>
[Collection(MongoCollection.Name)]
public sealed class ConcurrentCreateTests(CongoServerFixture wire) : IAsyncLifetime
{
    private const int Writers = 12;
    private static readonly Dictionary<string, string> Owner = new() { ["TACC_USERNAME"] = "sd2eadm" };
    private readonly string _database = "psdk_concurrent_" + Guid.NewGuid().ToString("N");
    private readonly string _directory = Directory.CreateTempSubdirectory("concurrent-create-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await wire.Client.DropDatabaseAsync(_database);
        Directory.Delete(_directory, recursive: true);
    }

    // D9, embedded store: twelve `pipelinejobs` processes on one file, as the probe ran them.
    [Fact]
    public async Task D9_twelve_parallel_cli_pipelines_add_and_creates_on_one_file_all_succeed_with_one_record()
    {
        var db = Path.Combine(_directory, "jobs.db");

        var added = await RunAllAsync(Enumerable.Repeat(new[] { "pipelines", "add", "--uuid", TestJobs.Pipeline, "--name", "race", "--db", db }, Writers));
        var created = await RunAllAsync(Enumerable.Repeat(new[] { "create", "--pipeline", TestJobs.Pipeline, "--data", """{"race":1}""", "--db", db, "--json" }, Writers));

        Assert.All(added, run => Assert.True(run.Exit == 0, run.Stderr));
        Assert.All(created, run => Assert.True(run.Exit == 0, run.Stderr));
        var uuids = created.Select(run => (string?)JsonNode.Parse(run.Stdout)!["uuid"]).Distinct().ToList();
        var uuid = Assert.Single(uuids)!;
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = db }, TestJobs.StoreOptions);
        var job = Assert.Single(await store.QueryAsync(new JobQuery { IncludeHidden = true }));
        Assert.Equal(uuid, job.Uuid);
        Assert.Single(job.History);
        Assert.Single(await store.ListPipelinesAsync());
    }

    // D9, MongoDB store on the wire server (which enforces no unique index but _id's): twelve clients at once.
    [Fact]
    public async Task D9_twelve_parallel_mongodb_creates_converge_on_one_job()
    {
        var database = wire.Client.GetDatabase(_database);
        await new MongoJobStore(database, TestJobs.StoreOptions).RegisterPipelineAsync(TestJobs.Pipeline, null);
        var job = new NewJob
        {
            PipelineUuid = TestJobs.Pipeline,
            ArchivePath = "/products/v2/race",
            Data = new JsonObject { ["race"] = 1 },
            Admin = new JobAdmin("sd2eadm"),
        };
        using var start = new Barrier(Writers);

        var snapshots = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() =>
        {
            // A client and a store each, as separate processes would have.
            var store = new MongoJobStore(new MongoClient(wire.ConnectionString).GetDatabase(_database), TestJobs.StoreOptions);
            start.SignalAndWait();
            return store.CreateAsync(job);
        })));

        var stored = await database.GetCollection<BsonDocument>("jobs").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
        var record = Assert.Single(stored);
        Assert.All(snapshots, snapshot =>
        {
            Assert.Equal(record["uuid"].AsString, snapshot.Uuid);
            Assert.Equal(record["_salt"].AsString, snapshot.UpdateToken.IssuedFromSalt);
        });
    }

    private static async Task<(int Exit, string Stdout, string Stderr)[]> RunAllAsync(IEnumerable<string[]> runs)
    {
        var processes = runs.Select(args => Process.Start(ToolProcess.StartInfo(Owner, args))!).ToList();
        try
        {
            return await Task.WhenAll(processes.Select(async process =>
            {
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                await process.WaitForExitAsync(timeout.Token);
                return (process.ExitCode, await stdout, await stderr);
            }));
        }
        finally
        {
            processes.ForEach(process => process.Dispose());
        }
    }
}
