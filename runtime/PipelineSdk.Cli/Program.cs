namespace PipelineSdk.Cli;

/// <summary>Entry point of the <c>pipelinejobs</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the CLI and returns its exit code.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: pipelinejobs <verb> [options]");
        return args.Length == 0 ? 2 : 2;
    }
}
