namespace PipelineSdk.Cli;

/// <summary>Entry point of the <c>pipelinejobs</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the CLI against the console and the process environment; Ctrl+C cancels the running operation.</summary>
    public static Task<int> Main(string[] args) =>
        new CliApp(Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System).RunAsync(args, CancellationToken.None);
}
