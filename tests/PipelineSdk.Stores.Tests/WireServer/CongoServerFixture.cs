using MongoDB.Driver;

namespace PipelineSdk.Stores.Tests.WireServer;

/// <summary>
/// Starts the CongoDB wire-protocol server (see <see cref="CongoServerProcess"/>) on a free loopback port for the
/// whole test run, and stops it afterwards. When PIPELINESDK_TEST_MONGO_URI is set, that server is used instead.
/// A missing Node.js or install fails the tests with a message saying what to do: these tests never skip silently.
/// </summary>
public sealed class CongoServerFixture : IAsyncLifetime
{
    /// <summary>The environment variable naming a real MongoDB server to test against.</summary>
    public const string RealMongoVariable = CongoServerProcess.RealMongoVariable;

    private CongoServerProcess? _server;

    /// <summary>The connection string of the server under test.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>True when the tests run against a real MongoDB (unique indexes enforced).</summary>
    public bool IsRealMongo { get; private set; }

    /// <summary>A client of the server under test.</summary>
    public IMongoClient Client { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var realUri = Environment.GetEnvironmentVariable(RealMongoVariable);
        if (!string.IsNullOrWhiteSpace(realUri))
        {
            ConnectionString = realUri;
            IsRealMongo = true;
        }
        else
        {
            _server = await CongoServerProcess.StartAsync();
            ConnectionString = _server.ConnectionString;
        }

        Client = new MongoClient(ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
