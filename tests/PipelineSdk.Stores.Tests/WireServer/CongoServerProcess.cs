using System.Diagnostics;
using System.Globalization;

namespace PipelineSdk.Stores.Tests.WireServer;

/// <summary>
/// One running CongoDB wire-protocol server (tests/wire-server/start.mjs, installed by tests/wire-server/setup.sh) on
/// a loopback port. Used by <see cref="CongoServerFixture"/> and by the reliability tests, which kill it and start it
/// again on the same port.
/// </summary>
public sealed class CongoServerProcess : IAsyncDisposable
{
    /// <summary>Set it to a MongoDB connection URI to test against that server instead of CongoDB.</summary>
    public const string RealMongoVariable = "PIPELINESDK_TEST_MONGO_URI";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private CongoServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The connection string of this server.</summary>
    public string ConnectionString => $"mongodb://127.0.0.1:{Port}/?directConnection=true";

    /// <summary>Starts a server on <paramref name="port"/> (0 picks a free one) and waits until it listens.</summary>
    /// <exception cref="InvalidOperationException">The server is not installed, node is missing, or it did not get ready.</exception>
    public static async Task<CongoServerProcess> StartAsync(int port = 0)
    {
        var wireServer = Path.Combine(RepositoryRoot(), "tests", "wire-server");
        if (!File.Exists(Path.Combine(wireServer, ".cache", ".complete")))
        {
            throw new InvalidOperationException(
                $"The CongoDB wire server is not installed in {wireServer}/.cache: run 'bash tests/wire-server/setup.sh' (tests/run.sh does), or set {RealMongoVariable} to a MongoDB server.");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(wireServer, "start.mjs"), port.ToString(CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = wireServer,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
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
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The CongoDB wire server printed no ready line within {StartTimeout.TotalSeconds} s.");
            }

            if (line is null)
            {
                var error = await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"The CongoDB wire server exited before it was ready: {error}");
            }

            if (line.StartsWith(ready, StringComparison.Ordinal))
            {
                return new CongoServerProcess(process, int.Parse(line[ready.Length..], CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would, and waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the server: it exits when its standard input closes; it is killed if it does not within 5 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
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
