using PipelineSdk.Cli;

namespace PipelineSdk.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams, a fixed environment and a fixed clock.</summary>
internal static class CliRunner
{
    public const string AdminSecret = "test-secret";

    public static (int Exit, string Stdout, string Stderr) Run(
        string[] args, string stdin = "", DateTimeOffset? now = null, bool withSecret = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (withSecret)
        {
            env["PIPELINESDK_ADMIN_TOKEN_SECRET"] = AdminSecret;
        }

        var app = new CliApp(
            new StringReader(stdin),
            stdout,
            stderr,
            env,
            new FixedClock(now ?? DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
        var exit = app.Run(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
