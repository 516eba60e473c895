using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>
/// Opens stores for the reliability tests: a fresh database or file each time, the suite's capturing logger, a
/// registered pipeline, and an admin authority whose key, secret and tokens are registered as secrets.
/// </summary>
public sealed class TestStores(CongoServerFixture? server) : IDisposable
{
    /// <summary>The pipeline every job belongs to.</summary>
    public const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";

    private const string AdminKey = "reliability-admin-key";
    private const string AdminSecret = "reliability-admin-secret";
    private readonly List<IDisposable> _opened = [];
    private readonly List<string> _databases = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-reliability-").FullName;

    static TestStores()
    {
        SuiteSecrets.Register(AdminKey);
        SuiteSecrets.Register(AdminSecret);
    }

    /// <summary>Admin options, for authorities on other clocks.</summary>
    public static AdminTokenOptions AdminOptions(int lifetimeSeconds = AdminTokens.DefaultLifetimeSeconds) =>
        new() { Key = AdminKey, Secret = AdminSecret, LifetimeSeconds = lifetimeSeconds };

    /// <summary>The admin authority of every store opened here (system clock).</summary>
    public AdminTokenAuthority Admins { get; } = new(AdminOptions());

    /// <summary>A current admin token, registered as a secret.</summary>
    public AdminToken AdminToken()
    {
        var token = Admins.Issue();
        SuiteSecrets.Register(token.Reveal());
        return token;
    }

    /// <summary>The raw database of the last Mongo store opened (to read salts).</summary>
    public IMongoDatabase? LastDatabase { get; private set; }

    /// <summary>Opens a store of <paramref name="kind"/> on fresh storage, with the pipeline registered.</summary>
    public async Task<IPipelineJobStore> OpenAsync(StoreKind kind, MongoClientSettings? mongoSettings = null)
    {
        var options = new JobStoreOptions { AdminTokens = Admins };
        IPipelineJobStore store;
        if (kind is StoreKind.Embedded or StoreKind.EmbeddedFull)
        {
            var embedded = new EmbeddedJobStore(
                new EmbeddedStoreOptions
                {
                    FilePath = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"),
                    Durability = kind == StoreKind.EmbeddedFull ? EmbeddedDurability.Full : EmbeddedDurability.Normal,
                },
                options,
                SuiteSecrets.LoggerFactory.CreateLogger<EmbeddedJobStore>());
            _opened.Add(embedded);
            store = embedded;
        }
        else
        {
            var name = "psdk_rel_" + Guid.NewGuid().ToString("N");
            _databases.Add(name);
            var client = mongoSettings is null ? server!.Client : new MongoClient(mongoSettings);
            LastDatabase = client.GetDatabase(name);
            store = new MongoJobStore(LastDatabase, options, SuiteSecrets.LoggerFactory.CreateLogger<MongoJobStore>());
        }

        await store.RegisterPipelineAsync(Pipeline, new JsonObject { ["name"] = "reliability" });
        return store;
    }

    /// <summary>A new job of the pipeline with <paramref name="data"/> (which makes its uuid).</summary>
    public static NewJob Job(JsonObject data, JsonArray? productPatterns = null) => new()
    {
        PipelineUuid = Pipeline,
        ArchivePath = "/products/v2/reliability/" + Guid.NewGuid().ToString("N"),
        Data = data,
        ProductPatterns = productPatterns,
        Session = "steady-heron",
        Admin = new JobAdmin("reliability"),
    };

    /// <summary>
    /// Applies an event and returns the job after it: the store's answer applied to <paramref name="job"/> when nothing
    /// came in between, else the job read back. Its tokens are registered as secrets.
    /// </summary>
    public static async Task<JobSnapshot> ApplyAsync(IPipelineJobStore store, JobSnapshot job, JobEvent jobEvent, JsonObject? data, SecretToken? token)
    {
        var applied = Seen(await store.ApplyAsync(job.Uuid, jobEvent, data, token));
        return Seen(applied.Follows(job) ? applied.ApplyTo(job) : await store.GetAsync(job.Uuid));
    }

    /// <summary>Registers the tokens of an event's answer as secrets and returns it.</summary>
    public static AppliedJobEvent Seen(AppliedJobEvent applied)
    {
        SuiteSecrets.Register(applied.UpdateToken.Reveal());
        SuiteSecrets.Register(applied.CallbackToken.Reveal());
        return applied;
    }

    /// <summary>Registers a snapshot's tokens as secrets and returns it.</summary>
    public static JobSnapshot Seen(JobSnapshot job)
    {
        SuiteSecrets.Register(job.UpdateToken.Reveal());
        SuiteSecrets.Register(job.CallbackToken.Reveal());
        return job;
    }

    /// <summary>Registers every salt stored in the last Mongo database (current, recent and callback salts).</summary>
    public async Task RegisterStoredSaltsAsync()
    {
        if (LastDatabase is null)
        {
            return;
        }

        foreach (var document in await LastDatabase.GetCollection<BsonDocument>("jobs").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())
        {
            foreach (var element in document.Elements.Where(e => e.Name.Contains("salt", StringComparison.OrdinalIgnoreCase)))
            {
                var values = element.Value.IsBsonArray ? element.Value.AsBsonArray.Select(v => v.ToString()) : [element.Value.ToString()];
                foreach (var value in values)
                {
                    SuiteSecrets.Register(value);
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        foreach (var name in _databases)
        {
            try
            {
                server?.Client.DropDatabase(name);
            }
            catch (MongoException)
            {
                // A server killed by a fault test may not have this database any more.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }
}
