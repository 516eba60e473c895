using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PipelineSdk.Errors;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Stores.Tests;

/// <summary>Who owns a store's database client, what disposing it closes, and the cheap reachability probe.</summary>
[Collection(MongoCollection.Name)]
public sealed class StoreLifetimeTests(CongoServerFixture server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-lifetime-").FullName;

    [Fact]
    public async Task A_mongo_store_registered_from_configuration_closes_the_client_it_created_when_the_container_is_disposed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // authn: the connection string, base64url as config.yml carries it.
            ["mongodb:authn"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(server.ConnectionString)).Replace('+', '-').Replace('/', '_'),
            ["mongodb:database"] = "psdk_lifetime_" + Guid.NewGuid().ToString("N"),
        }).Build();
        var provider = new ServiceCollection().AddPipelineJobs(configuration).AddMongoStore().Services.BuildServiceProvider();
        var store = provider.GetRequiredService<IPipelineJobStore>();
        await store.PingAsync();

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.PingAsync());
    }

    [Fact]
    public async Task A_mongo_store_on_a_given_database_leaves_that_client_open()
    {
        var store = new MongoJobStore(server.Client.GetDatabase("psdk_lifetime_" + Guid.NewGuid().ToString("N")));

        await store.DisposeAsync();

        await store.PingAsync();
    }

    [Fact]
    public async Task Ping_fails_as_unavailable_within_the_store_timeout_when_nothing_listens_on_the_port()
    {
        // A port that was free a moment ago: nothing answers there.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var store = new MongoJobStore(
            new MongoStoreSettings { ConnectionString = $"mongodb://127.0.0.1:{port}/?directConnection=true" },
            new JobStoreOptions { Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<PipelineStoreUnavailableException>(() => store.PingAsync());

        Assert.Contains($"ping on 127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task Embedded_ping_accepts_a_missing_file_without_creating_it_and_refuses_a_file_that_is_not_a_job_store()
    {
        var missing = Path.Combine(_folder, "new.sqlite");
        var garbage = Path.Combine(_folder, "garbage.sqlite");
        await File.WriteAllTextAsync(garbage, "not a database, but long enough to be read as one: " + new string('x', 200));
        await using var fresh = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = missing });
        await using var broken = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = garbage });

        await fresh.PingAsync();
        var error = await Assert.ThrowsAsync<PipelineStoreFileException>(() => broken.PingAsync());

        Assert.False(File.Exists(missing));
        Assert.Equal(garbage, error.FilePath);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
