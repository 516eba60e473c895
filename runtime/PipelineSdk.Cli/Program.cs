using System.Collections;
using System.Runtime.InteropServices;

namespace PipelineSdk.Cli;

/// <summary>Entry point of the <c>pipelinejobs</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the CLI against the console and the process environment; Ctrl+C cancels the running operation.</summary>
    public static async Task<int> Main(string[] args)
    {
        // Ctrl+C and SIGTERM cancel the running verb's token, which ends it with its own exit code (serve stops and
        // exits 0). Handled here rather than by System.CommandLine, whose timed handler may answer 130 instead.
        using var interrupt = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupt.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        return await new CliApp(Console.In, Console.Out, Console.Error, ProcessEnvironment(), TimeProvider.System).RunAsync(args, interrupt.Token);
    }

    private static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "", StringComparer.Ordinal);
}
