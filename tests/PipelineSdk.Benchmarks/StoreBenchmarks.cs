using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Internal;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Tokens;
using PipelineSdk.Stores.Tests.WireServer;
using Lite = LiteDB;
using Mongo = MongoDB.Bson;

namespace PipelineSdk.Benchmarks;

/// <summary>
/// Time per <c>update</c> event (sent with the callback token) through each store, against the floor a hand-written
/// client could reach with the same database call: one <c>findOneAndUpdate</c> with the same filter and update for
/// MongoDB, one read-check-write transaction for LiteDB. Every iteration sends <see cref="EventsPerIteration"/> events
/// to a fresh job, so each job's history grows from 1 to 101 entries in every benchmark alike. All benchmarks run in
/// this process against one CongoDB server (or the MongoDB named by PIPELINESDK_TEST_MONGO_URI) and one LiteDB file.
/// </summary>
[Config(typeof(Settings))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser]
public class StoreBenchmarks
{
    /// <summary>Events sent to one job per measured iteration.</summary>
    public const int EventsPerIteration = 100;

    /// <summary>History entries of the job in the benchmarks without database: the average over an iteration.</summary>
    public const int TypicalHistory = 1 + EventsPerIteration / 2;

    private const string MongoCategory = "MongoDB";
    private const string LiteCategory = "LiteDB";
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    private const int SaltWindow = 17;

    // The sources of `update` (spec §2.3), as a hand-written client would spell them.
    private static readonly string[] UpdateSources = ["CREATED", "RUNNING", "VALIDATING", "INDEXING"];
    private static readonly FindOneAndUpdateOptions<Mongo.BsonDocument> ReturnAfter = new() { ReturnDocument = ReturnDocument.After };
    private static readonly JsonObject Payload = new() { ["percent"] = 40, ["note"] = "halfway through the second stage" };

    private CongoServerProcess? _server;
    private string _folder = "";
    private IMongoDatabase _database = null!;
    private MongoJobStore _mongoStore = null!;
    private IMongoCollection<Mongo.BsonDocument> _mongoJobs = null!;
    private EmbeddedJobStore _liteStore = null!;
    private LiteDatabase _lite = null!;
    private ILiteCollection<Lite.BsonDocument> _liteJobs = null!;
    private int _jobNumber;
    private JobSnapshot _mongoJob = null!;
    private JobSnapshot _rawMongoJob = null!;
    private JobSnapshot _liteJob = null!;
    private JobSnapshot _rawLiteJob = null!;
    private string _rawMongoCallbackSalt = "";
    private string _rawLiteCallbackSalt = "";
    private readonly EventGuard _guard = new(new JobStoreOptions(), NullLogger.Instance);
    private string _typicalUuid = "";
    private string _typicalCallbackSalt = "";
    private Mongo.BsonDocument _typicalMongo = null!;
    private Lite.BsonDocument _typicalLite = null!;

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
        var file = Path.Combine(_folder, "jobs.db");
        _liteStore = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file });
        await _liteStore.RegisterPipelineAsync(Pipeline, null);
        _lite = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Shared });
        _liteJobs = _lite.GetCollection("jobs");

        // A stored job as the stores read it back, for the benchmarks without database.
        var typical = JobDocuments.NewJob(JobInputs(0), "107596b8-25b2-557d-9702-853f0690c576", DateTimeOffset.UtcNow, "testing");
        for (var entries = 1; entries < TypicalHistory; entries++)
        {
            JobDocuments.ApplyEvent(typical, JobEventPlan.For(JobEvent.Update, Payload, DateTimeOffset.UtcNow));
        }

        _typicalUuid = typical.Text("uuid")!;
        _typicalCallbackSalt = typical.Text("_callback_salt")!;
        _typicalMongo = new Mongo.BsonDocument("_id", Mongo.ObjectId.GenerateNewId()).AddRange(MongoDocuments.ToBson(typical));
        _typicalLite = LiteDocuments.ToBson(typical);
        _typicalLite["_id"] = Lite.ObjectId.NewObjectId();
    }

    /// <summary>Creates the fresh jobs of the next iteration (through the stores, so every document has the same layout).</summary>
    [IterationSetup(Targets = [nameof(MongoRawFindOneAndUpdate), nameof(MongoStoreApply), nameof(LiteRawUpdateInTransaction), nameof(LiteStoreApply)])]
    public void CreateJobs()
    {
        _mongoJob = CreateJob(_mongoStore);
        _rawMongoJob = CreateJob(_mongoStore);
        _rawMongoCallbackSalt = _mongoJobs.Find(new Mongo.BsonDocument("uuid", _rawMongoJob.Uuid)).Single()["_callback_salt"].AsString;
        _liteJob = CreateJob(_liteStore);
        _rawLiteJob = CreateJob(_liteStore);
        _rawLiteCallbackSalt = _liteJobs.FindOne(Query.EQ("uuid", _rawLiteJob.Uuid))["_callback_salt"].AsString;
    }

    /// <summary>
    /// Deletes the iteration's jobs, so every iteration finds the same small collections: the benchmarks that run
    /// later would otherwise search more documents (CongoDB scans the collection for a filter).
    /// </summary>
    [IterationCleanup(Targets = [nameof(MongoRawFindOneAndUpdate), nameof(MongoStoreApply), nameof(LiteRawUpdateInTransaction), nameof(LiteStoreApply)])]
    public void DeleteJobs()
    {
        _mongoJobs.DeleteMany(Builders<Mongo.BsonDocument>.Filter.In("uuid", new[] { _mongoJob.Uuid, _rawMongoJob.Uuid }));
        _liteJobs.DeleteMany(Query.In("uuid", _liteJob.Uuid, _rawLiteJob.Uuid));
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
    public Task<JobSnapshot> MongoStoreApply() => _mongoStore.ApplyAsync(_mongoJob.Uuid, JobEvent.Update, Payload, _mongoJob.CallbackToken);

    /// <summary>
    /// The MongoDB store's own work for one event without the database call: plan (salt, history entry), filter and
    /// update, and the snapshot of the returned document (BSON mapping, history, both tokens), for a job with
    /// <see cref="TypicalHistory"/> history entries.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(MongoCategory)]
    public JobSnapshot MongoStoreWorkWithoutDatabase()
    {
        var plan = JobEventPlan.For(JobEvent.Update, Payload, DateTimeOffset.UtcNow);
        _ = MongoJobStore.Filter(_typicalUuid, plan, new TokenCondition(TokenConditionKind.CallbackSalt, _typicalCallbackSalt));
        _ = MongoJobStore.Update(plan);
        return JobDocuments.ToSnapshot(MongoDocuments.FromBson(_typicalMongo));
    }

    /// <summary>
    /// One raw LiteDB transaction: read the job, check its state and callback salt, change the same fields the store
    /// changes, write it back.
    /// </summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(LiteCategory)]
    public Lite.BsonDocument LiteRawUpdateInTransaction()
    {
        var now = WholeSecondsUtc();
        var salt = Salts.NewSalt();
        _lite.BeginTrans();
        try
        {
            var job = _liteJobs.FindOne(Query.EQ("uuid", _rawLiteJob.Uuid));
            if (job is null || !UpdateSources.Contains(job["state"].AsString) || job["_callback_salt"].AsString != _rawLiteCallbackSalt)
            {
                throw new InvalidOperationException("The raw update's conditions do not hold.");
            }

            job["last_event"] = "update";
            job["updated"] = now;
            var properties = job["_properties"].AsDocument;
            properties["modified_date"] = now;
            properties["revision"] = properties["revision"].AsInt64 + 1;
            job["_salt"] = salt;
            job["history"].AsArray.Add(new Lite.BsonDocument
            {
                ["date"] = now,
                ["data"] = new Lite.BsonDocument { ["percent"] = 40, ["note"] = "halfway through the second stage" },
                ["name"] = "update",
                ["uuid"] = TypedUuid.CreateRandom(UuidType.PipelineJobEvent),
            });
            var salts = job["_recent_salts"].AsArray;
            salts.Add(salt);
            while (salts.Count > SaltWindow)
            {
                salts.RemoveAt(0);
            }

            _liteJobs.Update(job);
            _lite.Commit();
            return job;
        }
        catch
        {
            _lite.Rollback();
            throw;
        }
    }

    /// <summary>The same event through <see cref="EmbeddedJobStore.ApplyAsync"/>.</summary>
    [Benchmark]
    [BenchmarkCategory(LiteCategory)]
    public Task<JobSnapshot> LiteStoreApply() => _liteStore.ApplyAsync(_liteJob.Uuid, JobEvent.Update, Payload, _liteJob.CallbackToken);

    /// <summary>
    /// The embedded store's own work for one event without the database calls: plan, the stored document from LiteDB
    /// BSON, the guard check, the event applied in memory, the document back to BSON, and the snapshot, for a job with
    /// <see cref="TypicalHistory"/> history entries.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(LiteCategory)]
    public JobSnapshot LiteStoreWorkWithoutDatabase()
    {
        var plan = JobEventPlan.For(JobEvent.Update, Payload, DateTimeOffset.UtcNow);
        var document = LiteDocuments.FromBson(_typicalLite);
        _ = _guard.Check(_typicalUuid, JobDocuments.GuardState(document), plan, new TokenCondition(TokenConditionKind.CallbackSalt, _typicalCallbackSalt));
        JobDocuments.ApplyEvent(document, plan);
        _ = LiteDocuments.ToBson(document);
        return JobDocuments.ToSnapshot(document);
    }

    /// <summary>Drops the database, closes and deletes the file, and stops the server.</summary>
    [GlobalCleanup]
    public async Task StopAsync()
    {
        await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        _lite.Dispose();
        _liteStore.Dispose();
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
