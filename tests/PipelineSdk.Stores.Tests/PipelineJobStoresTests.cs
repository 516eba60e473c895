using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Internal;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Tests;

/// <summary>Store selection from configuration: which store, its settings, its options, and the DI registration.</summary>
[Collection(MongoCollection.Name)]
public sealed class PipelineJobStoresTests(CongoServerFixture server) : IDisposable
{
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";

    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-select-").FullName;
    private readonly List<IDisposable> _opened = [];

    [Fact]
    public async Task Without_a_mongodb_section_the_embedded_store_opens_the_configured_file_creating_its_folder_on_the_first_write()
    {
        var file = Path.Combine(_folder, "nested", "deeper", "jobs.sqlite");

        var store = Open(new() { [PipelineJobStores.EmbeddedFileKey] = file, ["pipelines:token_policy"] = "permissive" });

        Assert.IsType<EmbeddedJobStore>(store);
        Assert.False(File.Exists(file));
        await store.RegisterPipelineAsync("106c46ff-8186-5756-a934-071f4497b58d", null);
        Assert.True(File.Exists(file));
        Assert.Equal(TokenPolicy.Permissive, store.TokenPolicy);
    }

    [Fact]
    public void The_default_embedded_file_is_pipelinesdk_jobs_db_in_the_users_data_directory()
    {
        var settings = JobStoreSettings.Read(Configuration(new()));

        Assert.Null(settings.Mongo);
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        Assert.Equal($"{data}/pipelinesdk/jobs.db", settings.EmbeddedFilePath);
        Assert.Equal(TokenPolicy.Enforce, settings.Options.TokenPolicy);
        Assert.Null(settings.Options.AdminTokens);
    }

    [Fact]
    public void Authn_selects_mongodb_and_is_decoded_as_a_base64url_uri()
    {
        const string uri = "mongodb://catalog:p4ss@db.example.org:27020/admin?authSource=admin";
        var authn = Convert.ToBase64String(Encoding.UTF8.GetBytes(uri)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var configuration = Configuration(new() { ["mongodb:authn"] = authn, ["mongodb:database"] = "jobs_db" });

        var settings = JobStoreSettings.Read(configuration).Mongo!;
        var client = settings.ToClientSettings();

        Assert.Equal(new MongoServerAddress("db.example.org", 27020), client.Server);
        Assert.Equal("catalog", client.Credential.Username);
        Assert.Equal("jobs_db", settings.Database);
        Assert.IsType<MongoJobStore>(PipelineJobStores.Create(configuration));
    }

    [Fact]
    public void Host_port_and_credentials_select_mongodb_with_the_schema_defaults()
    {
        var full = JobStoreSettings.Read(Configuration(new()
        {
            ["mongodb:host"] = "mongo.internal",
            ["mongodb:port"] = "27018",
            ["mongodb:username"] = "reactor",
            ["mongodb:password"] = "pw",
            ["mongodb:auth_source"] = "catalog",
        })).Mongo!.ToClientSettings();
        Assert.Equal(new MongoServerAddress("mongo.internal", 27018), full.Server);
        Assert.Equal("reactor", full.Credential.Username);
        Assert.Equal("catalog", full.Credential.Source);

        // A section with only a database: host localhost, port 27017, database as given (reactor config schema defaults).
        var minimal = JobStoreSettings.Read(Configuration(new() { ["mongodb:database"] = "other" })).Mongo!;
        Assert.Equal(new MongoServerAddress("localhost", 27017), minimal.ToClientSettings().Server);
        Assert.Null(minimal.ToClientSettings().Credential);
        Assert.Equal("other", minimal.Database);
        Assert.Equal("catalog", JobStoreSettings.Read(Configuration(new() { ["mongodb:host"] = "h" })).Mongo!.Database);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("27017.5")]
    public void A_bad_port_is_an_error_naming_mongodb_port(string port)
    {
        var error = Assert.Throws<PipelineJobValidationException>(() =>
            PipelineJobStores.Create(Configuration(new() { ["mongodb:host"] = "h", ["mongodb:port"] = port })));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("mongodb:port must be a whole number from 1 to 65535", problem);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_key_and_no_secret()
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => PipelineJobStores.Create(Configuration(new()
        {
            ["mongodb:port"] = "x",
            ["mongodb:username"] = "reactor",
            ["pipelines:token_policy"] = "lenient",
            ["pipelines:admin_token_key"] = "hunter2-key",
            ["pipelines:admin_token_lifetime"] = "-5",
        })));

        Assert.Equal(5, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("mongodb:port ", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("mongodb:password is required", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("pipelines:token_policy must be 'enforce' or 'permissive'; got 'lenient'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("pipelines:admin_token_secret is missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("pipelines:admin_token_lifetime must be a whole number", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public async Task Configured_admin_tokens_allow_deletion_and_their_absence_refuses_it()
    {
        const string key = "cfg-key", secret = "cfg-secret";
        var withAdmin = Open(new()
        {
            [PipelineJobStores.EmbeddedFileKey] = Path.Combine(_folder, "admin.db"),
            ["pipelines:admin_token_key"] = key,
            ["pipelines:admin_token_secret"] = secret,
            ["pipelines:admin_token_lifetime"] = "60",
        });
        var job = await CreateJobAsync(withAdmin);

        // A token of the default 3600 s window does not match the configured 60 s one.
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() =>
            withAdmin.DeleteAsync(job.Uuid, AdminTokens.Create(key, secret, DateTimeOffset.UtcNow, 3600), JobDeletion.Hard));
        await withAdmin.DeleteAsync(job.Uuid, AdminTokens.Create(key, secret, DateTimeOffset.UtcNow, 60), JobDeletion.Hard);
        await Assert.ThrowsAsync<UnknownJobException>(() => withAdmin.GetAsync(job.Uuid));

        var withoutAdmin = Open(new() { [PipelineJobStores.EmbeddedFileKey] = Path.Combine(_folder, "plain.db") });
        var other = await CreateJobAsync(withoutAdmin);
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() =>
            withoutAdmin.DeleteAsync(other.Uuid, AdminTokens.Create(key, secret, DateTimeOffset.UtcNow, 60), JobDeletion.Hard));
        Assert.Equal(other.Uuid, (await withoutAdmin.GetAsync(other.Uuid)).Uuid);
    }

    [Fact]
    public async Task The_service_collection_gets_one_store_of_the_configured_kind()
    {
        var embeddedFile = Path.Combine(_folder, "di.sqlite");
        using var embedded = new ServiceCollection().AddPipelineJobStore(Configuration(new() { [PipelineJobStores.EmbeddedFileKey] = embeddedFile }))
            .BuildServiceProvider();
        var store = embedded.GetRequiredService<IPipelineJobStore>();
        Assert.IsType<EmbeddedJobStore>(store);
        Assert.Same(store, embedded.GetRequiredService<IPipelineJobStore>());
        await store.RegisterPipelineAsync("106c46ff-8186-5756-a934-071f4497b58d", null);
        Assert.True(File.Exists(embeddedFile));

        using var mongo = new ServiceCollection().AddPipelineJobStore(Configuration(new() { ["mongodb:host"] = "h" })).BuildServiceProvider();
        Assert.IsType<MongoJobStore>(mongo.GetRequiredService<IPipelineJobStore>());
    }

    [Fact]
    public async Task A_store_selected_by_authn_works_against_the_wire_server()
    {
        var database = "psdk_" + Guid.NewGuid().ToString("N");
        var authn = Convert.ToBase64String(Encoding.UTF8.GetBytes(server.ConnectionString)).Replace('+', '-').Replace('/', '_');
        var store = PipelineJobStores.Create(Configuration(new() { ["mongodb:authn"] = authn, ["mongodb:database"] = database }));
        try
        {
            var job = await CreateJobAsync(store);
            var updated = await store.ApplyAsync(job.Uuid, JobEvent.Update, null, job.CallbackToken);

            Assert.Equal(1, updated.Revision);
            Assert.Equal(1, await server.Client.GetDatabase(database).GetCollection<MongoDB.Bson.BsonDocument>("jobs")
                .CountDocumentsAsync(new MongoDB.Bson.BsonDocument("uuid", job.Uuid)));
        }
        finally
        {
            await server.Client.DropDatabaseAsync(database);
        }
    }

    /// <summary>Closes the stores and deletes the temporary folder.</summary>
    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private IPipelineJobStore Open(Dictionary<string, string?> values)
    {
        var store = PipelineJobStores.Create(Configuration(values));
        if (store is IDisposable disposable)
        {
            _opened.Add(disposable);
        }

        return store;
    }

    private static async Task<JobSnapshot> CreateJobAsync(IPipelineJobStore store)
    {
        await store.RegisterPipelineAsync(Pipeline, null);
        return await store.CreateAsync(new NewJob
        {
            PipelineUuid = Pipeline,
            ArchivePath = "/products/v2/selection",
            Admin = new JobAdmin("sd2eadm"),
        });
    }
}
