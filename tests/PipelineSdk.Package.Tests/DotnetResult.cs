namespace PipelineSdk.Package.Tests;

/// <summary>The result of one <c>dotnet</c> command.</summary>
public sealed record DotnetResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Everything the command printed, for assertion messages.</summary>
    public override string ToString() => $"{Command} exited {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
