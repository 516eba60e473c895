using System.Collections;

namespace PipelineSdk.Cli;

/// <summary>Entry point of the <c>pipelinejobs</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the CLI against the console and the process environment.</summary>
    public static int Main(string[] args) =>
        new CliApp(Console.In, Console.Out, Console.Error, ProcessEnvironment(), TimeProvider.System).Run(args);

    private static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "", StringComparer.Ordinal);
}
