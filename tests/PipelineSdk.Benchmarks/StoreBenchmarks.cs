using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using MongoDB.Driver;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Internal;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Tokens;
using PipelineSdk.Stores.Tests.WireServer;
using Mongo = MongoDB.Bson;

namespace PipelineSdk.Benchmarks;

/// <summary>
/// Time per <c>update</c> event (sent with the callback token) through each store, against the floor a hand-written
/// client could reach with the same database call: one <c>findOneAndUpdate</c> with the same filter and update for
/// MongoDB, one immediate transaction with the same statements for SQLite (on one connection kept open). Every
/// iteration sends <see cref="EventsPerIteration"/> events to a fresh job, so each job's history grows from 1 to 101
/// entries in every benchmark alike. All benchmarks run in this process against one CongoDB server (or the MongoDB
/// named by PIPELINESDK_TEST_MONGO_URI) and one SQLite file.
/// </summary>
[Config(typeof(Settings))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser]
public class StoreBenchmarks
{
    /// <summary>Events sent to one job per measured iteration.</summary>
    public const int EventsPerIteration = 100;

    private const string MongoCategory = "MongoDB";
    private const string SqliteCategory = "SQLite";
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    private const int SaltWindow = 17;

    // The sources of `update`, as a hand-written client would spell them.
    private static readonly string[] UpdateSources = ["CREATED", "RUNNING", "VALIDATING", "INDEXING"];
    // The store answers an event with the fields it changed, not the history; the raw call asks for the same.
    private static readonly FindOneAndUpdateOptions<Mongo.BsonDocument> ReturnAfter = new()
    {
        ReturnDocument = ReturnDocument.After,
        Projection = Builders<Mongo.BsonDocument>.Projection
            .Include("uuid").Include("state").Include("_properties.revision").Include("_salt").Include("_callback_salt").Include("_admin"),
    };
    private static readonly JsonObject Payload = new() { ["percent"] = 40, ["note"] = "halfway through the second stage" };

    private CongoServerProcess? _server;
    private string _folder = "";
    private IMongoDatabase _database = null!;
    private MongoJobStore _mongoStore = null!;
    private IMongoCollection<Mongo.BsonDocument> _mongoJobs = null!;
    private EmbeddedJobStore _sqliteStore = null!;
    private SqliteConnection _sqlite = null!;
    private int _jobNumber;
    private JobSnapshot _mongoJob = null!;
    private JobSnapshot _rawMongoJob = null!;
    private JobSnapshot _sqliteJob = null!;
    private JobSnapshot _rawSqliteJob = null!;
    private string _rawMongoCallbackSalt = "";
    private string _rawSqliteCallbackSalt = "";
    private string _typicalUuid = "";
    private string _typicalCallbackSalt = "";
    private Mongo.BsonDocument _typicalAnswer = null!;

    /// <summary>Starts the server, opens both stores on fresh databases and registers the pipeline.</summary>
    [GlobalSetup]
    public async Task StartAsync()
    {
        var uri = Environment.GetEnvironmentVariable(CongoServerProcess.RealMongoVariable);
        if (string.IsNullOrWhiteSpace(uri))
        {
            _server = await CongoServerProcess.StartAsync();
            uri = _server.ConnectionString;
        }

        _database = new MongoClient(uri).GetDatabase("psdk_bench_" + Guid.NewGuid().ToString("N"));
        _mongoStore = new MongoJobStore(_database);
        _mongoJobs = _database.GetCollection<Mongo.BsonDocument>("jobs");
        await _mongoStore.RegisterPipelineAsync(Pipeline, null);

        _folder = Directory.CreateTempSubdirectory("psdk-bench-").FullName;
        var file = Path.Combine(_folder, "jobs.sqlite");
        _sqliteStore = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file });
        await _sqliteStore.RegisterPipelineAsync(Pipeline, null);
        _sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        _sqlite.Open();
        // The store's default durability (Normal), so both sides pay the same for a commit.
        Execute("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");

        // The fields of a stored job that an event answers with, for the benchmark without database.
        var typical = JobDocuments.NewJob(JobInputs(0), "107596b8-25b2-557d-9702-853f0690c576", DateTimeOffset.UtcNow, "testing");
        _typicalUuid = typical.Text("uuid")!;
        _typicalCallbackSalt = typical.Text("_callback_salt")!;
        _typicalAnswer = new Mongo.BsonDocument(MongoDocuments.ToBson(typical)
            .Where(e => e.Name is "uuid" or "state" or "_properties" or "_salt" or "_callback_salt" or "_admin"));
    }

    /// <summary>Creates the fresh jobs of the next iteration (through the stores, so every document has the same layout).</summary>
    [IterationSetup(Targets = [nameof(MongoRawFindOneAndUpdate), nameof(MongoStoreApply), nameof(SqliteRawTransaction), nameof(SqliteStoreApply)])]
    public void CreateJobs()
    {
        _mongoJob = CreateJob(_mongoStore);
        _rawMongoJob = CreateJob(_mongoStore);
        _rawMongoCallbackSalt = _mongoJobs.Find(new Mongo.BsonDocument("uuid", _rawMongoJob.Uuid)).Single()["_callback_salt"].AsString;
        _sqliteJob = CreateJob(_sqliteStore);
        _rawSqliteJob = CreateJob(_sqliteStore);
        _rawSqliteCallbackSalt = _rawSqliteJob.CallbackToken.IssuedFromSalt!;
    }

    /// <summary>
    /// Deletes the iteration's jobs, so every iteration finds the same small collections: the benchmarks that run
    /// later would otherwise search more documents (CongoDB scans the collection for a filter).
    /// </summary>
    [IterationCleanup(Targets = [nameof(MongoRawFindOneAndUpdate), nameof(MongoStoreApply), nameof(SqliteRawTransaction), nameof(SqliteStoreApply)])]
    public void DeleteJobs()
    {
        _mongoJobs.DeleteMany(Builders<Mongo.BsonDocument>.Filter.In("uuid", new[] { _mongoJob.Uuid, _rawMongoJob.Uuid }));
        Execute("DELETE FROM job_history WHERE job_id IN (SELECT id FROM jobs WHERE uuid IN ($a, $b)); DELETE FROM jobs WHERE uuid IN ($a, $b);",
            ("$a", _sqliteJob.Uuid), ("$b", _rawSqliteJob.Uuid));
    }

    /// <summary>One raw <c>findOneAndUpdate</c>: the filter and update the MongoDB store sends for an <c>update</c> event.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(MongoCategory)]
    public async Task<Mongo.BsonDocument> MongoRawFindOneAndUpdate()
    {
        var now = WholeSecondsUtc();
        var salt = Salts.NewSalt();
        var filter = new Mongo.BsonDocument
        {
            { "uuid", _rawMongoJob.Uuid },
            { "state", new Mongo.BsonDocument("$in", new Mongo.BsonArray(UpdateSources)) },
            { "_callback_salt", _rawMongoCallbackSalt },
        };
        var entry = new Mongo.BsonDocument
        {
            { "date", now },
            { "data", new Mongo.BsonDocument { { "percent", 40 }, { "note", "halfway through the second stage" } } },
            { "name", "update" },
            { "uuid", TypedUuid.CreateRandom(UuidType.PipelineJobEvent) },
        };
        var update = new Mongo.BsonDocument
        {
            { "$set", new Mongo.BsonDocument { { "last_event", "update" }, { "updated", now }, { "_properties.modified_date", now }, { "_salt", salt } } },
            { "$inc", new Mongo.BsonDocument("_properties.revision", 1) },
            {
                "$push", new Mongo.BsonDocument
                {
                    { "history", entry },
                    { "_recent_salts", new Mongo.BsonDocument { { "$each", new Mongo.BsonArray { salt } }, { "$slice", -SaltWindow } } },
                }
            },
        };
        return await _mongoJobs.FindOneAndUpdateAsync(filter, update, ReturnAfter) ?? throw new InvalidOperationException("The raw update matched nothing.");
    }

    /// <summary>The same event through <see cref="MongoJobStore.ApplyAsync"/>.</summary>
    [Benchmark]
    [BenchmarkCategory(MongoCategory)]
    public Task<AppliedJobEvent> MongoStoreApply() => _mongoStore.ApplyAsync(_mongoJob.Uuid, JobEvent.Update, Payload, _mongoJob.CallbackToken);

    /// <summary>
    /// The MongoDB store's own work for one event without the database call: plan (salt, history entry), filter and
    /// update, and the answer from the returned fields (BSON mapping, both tokens, the new entry).
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(MongoCategory)]
    public AppliedJobEvent MongoStoreWorkWithoutDatabase()
    {
        var plan = JobEventPlan.For(JobEvent.Update, Payload, DateTimeOffset.UtcNow);
        _ = MongoJobStore.Filter(_typicalUuid, plan, new TokenCondition(TokenConditionKind.CallbackSalt, _typicalCallbackSalt));
        _ = MongoJobStore.Update(plan);
        return JobDocuments.ToApplied(MongoDocuments.FromBson(_typicalAnswer), plan);
    }

    /// <summary>
    /// One raw SQLite transaction on an open connection: read the job's row, check its state and callback salt,
    /// update the same columns the store updates and append the history row.
    /// </summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(SqliteCategory)]
    public long SqliteRawTransaction()
    {
        var now = WholeSecondsUtc().Ticks;
        var salt = Salts.NewSalt();
        using var transaction = _sqlite.BeginTransaction(deferred: false);
        using var read = Command("SELECT id, state, callback_salt, recent_salts, history_count FROM jobs WHERE uuid = $uuid", ("$uuid", _rawSqliteJob.Uuid));
        long id, count;
        string recent;
        using (var reader = read.ExecuteReader())
        {
            if (!reader.Read() || !UpdateSources.Contains(reader.GetString(1)) || reader.GetString(2) != _rawSqliteCallbackSalt)
            {
                throw new InvalidOperationException("The raw update's conditions do not hold.");
            }

            (id, recent, count) = (reader.GetInt64(0), reader.GetString(3), reader.GetInt64(4));
        }

        var salts = (JsonNode.Parse(recent)!.AsArray().Select(n => (string?)n).Append(salt).TakeLast(SaltWindow)).ToArray();
        var entry = new JsonObject
        {
            ["date"] = new JsonObject { ["$date"] = new DateTime(now, DateTimeKind.Utc).ToString("O") },
            ["data"] = new JsonObject { ["percent"] = 40, ["note"] = "halfway through the second stage" },
            ["name"] = "update",
            ["uuid"] = TypedUuid.CreateRandom(UuidType.PipelineJobEvent),
        };
        using var update = Command(
            "UPDATE jobs SET last_event = 'update', updated = $now, modified = $now, revision = revision + 1, salt = $salt, recent_salts = $salts, " +
            "history_count = history_count + 1 WHERE id = $id",
            ("$now", now), ("$salt", salt), ("$salts", new JsonArray(salts.Select(v => (JsonNode?)v).ToArray()).ToJsonString()), ("$id", id));
        update.ExecuteNonQuery();
        using var append = Command("INSERT INTO job_history (job_id, seq, entry) VALUES ($id, $seq, $entry)", ("$id", id), ("$seq", count), ("$entry", entry.ToJsonString()));
        append.ExecuteNonQuery();
        transaction.Commit();
        return count;
    }

    /// <summary>The same event through <see cref="EmbeddedJobStore.ApplyAsync"/>.</summary>
    [Benchmark]
    [BenchmarkCategory(SqliteCategory)]
    public Task<AppliedJobEvent> SqliteStoreApply() => _sqliteStore.ApplyAsync(_sqliteJob.Uuid, JobEvent.Update, Payload, _sqliteJob.CallbackToken);

    /// <summary>Drops the database, closes and deletes the file, and stops the server.</summary>
    [GlobalCleanup]
    public async Task StopAsync()
    {
        await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        _sqlite.Dispose();
        _sqliteStore.Dispose();
        Directory.Delete(_folder, recursive: true);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static DateTime WholeSecondsUtc()
    {
        var ticks = DateTime.UtcNow.Ticks;
        return new DateTime(ticks - ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    private static NewJob JobInputs(int number) => new()
    {
        PipelineUuid = Pipeline,
        ArchivePath = "/products/v2/benchmarks",
        Data = new JsonObject { ["job"] = number },
        Admin = new JobAdmin("sd2eadm"),
    };

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _sqlite.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private JobSnapshot CreateJob(IPipelineJobStore store) => store.CreateAsync(JobInputs(++_jobNumber)).GetAwaiter().GetResult();

    /// <summary>A short in-process job: the benchmarks share this process's server and file, and the run stays short.</summary>
    private sealed class Settings : ManualConfig
    {
        public Settings()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(4)
                .WithIterationCount(30)
                .WithInvocationCount(EventsPerIteration)
                .WithUnrollFactor(1)
                .WithId("ShortInProcess"));

            // Median and minimum resist the bursts of a shared machine better than the mean.
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        }
    }
}
