using System.Diagnostics;
using System.Globalization;

namespace PipelineSdk.WireServer;

/// <summary>
/// The CongoDB wire-protocol server (installed by tests/wire-server/setup.sh) running on a free loopback port, for
/// the store tests and the benchmarks, which compile this file in. Disposing it stops the server; so does the end of
/// this process, because the launcher stops when its standard input closes.
/// </summary>
internal sealed class CongoServerProcess : IAsyncDisposable
{
    /// <summary>The environment variable naming a real MongoDB server to use instead.</summary>
    public const string RealMongoVariable = "PIPELINESDK_TEST_MONGO_URI";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _server;

    private CongoServerProcess(Process server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the server (<c>directConnection=true</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts the server with Node.js and waits for its ready line. A missing install or Node.js fails with a message
    /// saying what to do.
    /// </summary>
    public static async Task<CongoServerProcess> StartAsync()
    {
        var wireServer = Path.Combine(RepositoryRoot(), "tests", "wire-server");
        if (!File.Exists(Path.Combine(wireServer, ".cache", ".complete")))
        {
            throw new InvalidOperationException(
                $"The CongoDB wire server is not installed in {wireServer}/.cache: run 'bash tests/wire-server/setup.sh' (tests/run.sh does), or set {RealMongoVariable} to a MongoDB server.");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(wireServer, "start.mjs"), "0"])
        {
            WorkingDirectory = wireServer,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process server;
        try
        {
            server = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
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
                line = await server.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                server.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The CongoDB wire server printed no ready line within {StartTimeout.TotalSeconds} s.");
            }

            if (line is null)
            {
                var error = await server.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"The CongoDB wire server exited before it was ready: {error}");
            }

            if (line.StartsWith(ready, StringComparison.Ordinal))
            {
                var port = int.Parse(line[ready.Length..], CultureInfo.InvariantCulture);
                return new CongoServerProcess(server, $"mongodb://127.0.0.1:{port}/?directConnection=true");
            }
        }
    }

    /// <summary>Stops the server: closes its standard input, and kills it if it has not exited 5 seconds later.</summary>
    public async ValueTask DisposeAsync()
    {
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
