using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Tests;

/// <summary>Stores opened from configuration: their settings, their options, and the DI registrations.</summary>
[Collection(MongoCollection.Name)]
public sealed class ConfiguredStoreTests(CongoServerFixture server) : IDisposable
{
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";

    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-select-").FullName;
    private readonly List<IDisposable> _opened = [];

    [Fact]
    public async Task The_embedded_store_opens_the_configured_file_creating_its_folder_on_the_first_write()
    {
        var file = Path.Combine(_folder, "nested", "deeper", "jobs.sqlite");

        var store = Open(new() { ["pipelinesdk:jobs_db"] = file, ["pipelines:token_policy"] = "permissive" });

        Assert.False(File.Exists(file));
        await store.RegisterPipelineAsync("106c46ff-8186-5756-a934-071f4497b58d", null);
        Assert.True(File.Exists(file));
        Assert.Equal(TokenPolicy.Permissive, store.TokenPolicy);
    }

    [Fact]
    public void The_default_embedded_file_is_pipelinesdk_jobs_sqlite_in_the_users_data_directory()
    {
        // The XDG data directory, ~/.local/share unless XDG_DATA_HOME names another.
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".local", "share");

        Assert.Equal($"{data}/pipelinesdk/jobs.sqlite", EmbeddedJobStores.DefaultFilePath());
    }

    [Fact]
    public void Without_settings_the_options_are_the_schema_defaults_and_no_admin_tokens()
    {
        var options = JobStoreOptions.FromSettings(null, null);

        Assert.Equal(TokenPolicy.Enforce, options.TokenPolicy);
        Assert.Null(options.AdminTokens);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), JobStoreOptions.FromSettings(null, new PipelineSdkSettings { StoreTimeout = 3 }).Timeout);
    }

    [Fact]
    public void Authn_is_decoded_as_a_base64url_uri()
    {
        const string uri = "mongodb://catalog:p4ss@db.example.org:27020/admin?authSource=admin";
        var authn = Convert.ToBase64String(Encoding.UTF8.GetBytes(uri)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var settings = Bind(new() { ["mongodb:authn"] = authn, ["mongodb:database"] = "jobs_db" });

        var mongo = MongoStoreSettings.From(settings.Mongodb!);
        var client = mongo.ToClientSettings();

        Assert.Equal(new MongoServerAddress("db.example.org", 27020), client.Server);
        Assert.Equal("catalog", client.Credential.Username);
        Assert.Equal("jobs_db", mongo.Database);
    }

    [Fact]
    public void Host_port_and_credentials_give_the_client_settings_with_the_schema_defaults()
    {
        var full = MongoStoreSettings.From(Bind(new()
        {
            ["mongodb:host"] = "mongo.internal",
            ["mongodb:port"] = "27018",
            ["mongodb:username"] = "reactor",
            ["mongodb:password"] = "pw",
            ["mongodb:auth_source"] = "catalog",
        }).Mongodb!).ToClientSettings();
        Assert.Equal(new MongoServerAddress("mongo.internal", 27018), full.Server);
        Assert.Equal("reactor", full.Credential.Username);
        Assert.Equal("catalog", full.Credential.Source);

        // A section with only a database: host localhost, port 27017, database as given (reactor config schema defaults).
        var minimal = MongoStoreSettings.From(Bind(new() { ["mongodb:database"] = "other" }).Mongodb!);
        Assert.Equal(new MongoServerAddress("localhost", 27017), minimal.ToClientSettings().Server);
        Assert.Null(minimal.ToClientSettings().Credential);
        Assert.Equal("other", minimal.Database);
        Assert.Equal("catalog", MongoStoreSettings.From(Bind(new() { ["mongodb:host"] = "h" }).Mongodb!).Database);
    }

    [Fact]
    public void An_empty_mongodb_section_binds_as_no_section_and_the_mongodb_store_refuses_it_by_name()
    {
        var settings = Bind(new() { ["mongodb"] = null, ["pipelinesdk:jobs_db"] = Path.Combine(_folder, "empty-section.sqlite") });

        Assert.Null(settings.Mongodb);
        var error = Assert.Throws<PipelineJobValidationException>(() => MongoJobStores.Open(settings));
        Assert.Contains("no mongodb section", error.Message);
    }

    [Fact]
    public void A_connection_uri_given_outside_the_config_becomes_the_mongodb_section_with_its_database()
    {
        var named = MongoJobStores.SettingsFromConnectionString("mongodb://u:pw@db.example.org:27021/jobsdb?authSource=admin");
        var unnamed = MongoJobStores.SettingsFromConnectionString("mongodb://db.example.org");
        var bad = Assert.Throws<PipelineJobValidationException>(() => MongoJobStores.SettingsFromConnectionString("http://u:hunter2@x"));

        Assert.Equal("jobsdb", named.Database);
        Assert.Equal(new MongoServerAddress("db.example.org", 27021), MongoStoreSettings.From(named).ToClientSettings().Server);
        Assert.Equal("catalog", unnamed.Database);
        Assert.DoesNotContain("hunter2", bad.Message);
    }

    [Fact]
    public void Malformed_store_settings_are_listed_by_the_binder_with_their_keys_and_no_secret()
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => Bind(new()
        {
            ["mongodb:port"] = "x",
            ["pipelines:token_policy"] = "lenient",
            ["pipelines:admin_token_key"] = "hunter2-key",
            ["pipelines:admin_token_lifetime"] = "-5",
            ["pipelinesdk:store_timeout"] = "0",
        }));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("mongodb:port", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("pipelines:token_policy", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("pipelines:admin_token_lifetime", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("pipelinesdk:store_timeout", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void An_admin_key_without_its_secret_names_the_missing_key_and_no_secret()
    {
        var noSecret = Assert.Throws<PipelineJobValidationException>(() =>
            EmbeddedJobStores.Open(Bind(new() { ["pipelines:admin_token_key"] = "hunter2-key", ["pipelinesdk:jobs_db"] = Path.Combine(_folder, "x.sqlite") })));
        var noPassword = Assert.Throws<PipelineJobValidationException>(() =>
            MongoJobStores.Open(Bind(new() { ["mongodb:host"] = "h", ["mongodb:username"] = "reactor" })));

        Assert.StartsWith("pipelines:admin_token_secret is missing", noSecret.Message);
        Assert.DoesNotContain("hunter2", noSecret.Message);
        Assert.Contains("mongodb:password is required", noPassword.Message);
    }

    [Fact]
    public async Task Configured_admin_tokens_allow_deletion_and_their_absence_refuses_it()
    {
        const string key = "cfg-key", secret = "cfg-secret";
        var withAdmin = Open(new()
        {
            ["pipelinesdk:jobs_db"] = Path.Combine(_folder, "admin.sqlite"),
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

        var withoutAdmin = Open(new() { ["pipelinesdk:jobs_db"] = Path.Combine(_folder, "plain.sqlite") });
        var other = await CreateJobAsync(withoutAdmin);
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() =>
            withoutAdmin.DeleteAsync(other.Uuid, AdminTokens.Create(key, secret, DateTimeOffset.UtcNow, 60), JobDeletion.Hard));
        Assert.Equal(other.Uuid, (await withoutAdmin.GetAsync(other.Uuid)).Uuid);
    }

    [Fact]
    public async Task The_service_collection_gets_one_store_of_the_kind_added()
    {
        var embeddedFile = Path.Combine(_folder, "di.sqlite");
        using var embedded = new ServiceCollection().AddPipelineJobs(Configuration(new() { ["pipelinesdk:jobs_db"] = embeddedFile }))
            .AddEmbeddedStore().Services.BuildServiceProvider();
        var store = embedded.GetRequiredService<IPipelineJobStore>();
        Assert.IsType<EmbeddedJobStore>(store);
        Assert.Same(store, embedded.GetRequiredService<IPipelineJobStore>());
        await store.RegisterPipelineAsync("106c46ff-8186-5756-a934-071f4497b58d", null);
        Assert.True(File.Exists(embeddedFile));

        using var mongo = new ServiceCollection().AddPipelineJobs(Configuration(new() { ["mongodb:host"] = "h" }))
            .AddMongoStore().Services.BuildServiceProvider();
        Assert.IsType<MongoJobStore>(mongo.GetRequiredService<IPipelineJobStore>());
        Assert.NotNull(mongo.GetRequiredService<PipelineJobFactory>());

        // Without a store package's registration the job API says which packages give one.
        using var none = new ServiceCollection().AddPipelineJobs(Configuration(new())).Services.BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => none.GetRequiredService<PipelineJobFactory>());
        Assert.Contains("AddMongoStore()", error.Message);
        Assert.Contains("AddEmbeddedStore()", error.Message);
    }

    [Fact]
    public async Task A_store_selected_by_authn_works_against_the_wire_server()
    {
        var database = "psdk_" + Guid.NewGuid().ToString("N");
        var authn = Convert.ToBase64String(Encoding.UTF8.GetBytes(server.ConnectionString)).Replace('+', '-').Replace('/', '_');
        var store = MongoJobStores.Open(Bind(new() { ["mongodb:authn"] = authn, ["mongodb:database"] = database }));
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

    [Fact]
    public async Task An_unreachable_mongodb_fails_after_the_store_timeout_naming_the_host_and_no_password()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens on the port now
        var store = MongoJobStores.Open(Bind(new()
        {
            ["mongodb:host"] = "127.0.0.1",
            ["mongodb:port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["mongodb:username"] = "reactor",
            ["mongodb:password"] = "hunter2-password",
            ["pipelinesdk:store_timeout"] = "1",
        }));

        var error = await Assert.ThrowsAsync<PipelineStoreUnavailableException>(() => store.ListPipelinesAsync());

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain('\n', error.Message);
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

    private static ReactorSettings Bind(Dictionary<string, string?> values) => ReactorSettingsBinder.Bind(Configuration(values));

    private EmbeddedJobStore Open(Dictionary<string, string?> values)
    {
        var store = EmbeddedJobStores.Open(Bind(values));
        _opened.Add(store);
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
