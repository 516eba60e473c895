using System.Diagnostics;
using MongoDB.Driver;

namespace PipelineSdk.Stores.Tests.WireServer;

/// <summary>
/// Starts the CongoDB wire-protocol server (installed by tests/wire-server/setup.sh) on a free loopback port for the
/// whole test run, and stops it afterwards. When PIPELINESDK_TEST_MONGO_URI is set, that server is used instead.
/// A missing Node.js or install fails the tests with a message saying what to do: these tests never skip silently.
/// </summary>
public sealed class CongoServerFixture : IAsyncLifetime
{
    /// <summary>The environment variable naming a real MongoDB server to test against.</summary>
    public const string RealMongoVariable = "PIPELINESDK_TEST_MONGO_URI";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private Process? _server;

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
            ConnectionString = await StartCongoAsync();
        }

        Client = new MongoClient(ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        // The launcher stops when its standard input closes; kill it if it does not.
        _server.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _server.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _server.Kill(entireProcessTree: true);
        }

        _server.Dispose();
    }

    private async Task<string> StartCongoAsync()
    {
        var wireServer = Path.Combine(RepositoryRoot(), "tests", "wire-server");
        var launcher = Path.Combine(wireServer, "start.mjs");
        if (!File.Exists(Path.Combine(wireServer, ".cache", ".complete")))
        {
            throw new InvalidOperationException(
                $"The CongoDB wire server is not installed in {wireServer}/.cache: run 'bash tests/wire-server/setup.sh' (tests/run.sh does), or set {RealMongoVariable} to a MongoDB server.");
        }

        var start = new ProcessStartInfo("node", [launcher, "0"])
        {
            WorkingDirectory = wireServer,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _server = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot run 'node' to start the CongoDB wire server ({ex.Message}); install Node.js or set {RealMongoVariable}.", ex);
        }

        using var timeout = new CancellationTokenSource(StartTimeout);
        const string ready = "congodb ready 127.0.0.1:";
        while (true)
        {
            string? line;
            try
            {
                line = await _server.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _server.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The CongoDB wire server printed no ready line within {StartTimeout.TotalSeconds} s.");
            }

            if (line is null)
            {
                var error = await _server.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"The CongoDB wire server exited before it was ready: {error}");
            }

            if (line.StartsWith(ready, StringComparison.Ordinal))
            {
                var port = int.Parse(line[ready.Length..], System.Globalization.CultureInfo.InvariantCulture);
                return $"mongodb://127.0.0.1:{port}/?directConnection=true";
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PipelineSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PipelineSdk.sln not found above {AppContext.BaseDirectory}.");
    }
}
