namespace PipelineSdk.Cli.Arguments;

/// <summary>The command line (or a batch line) is wrong; the message names the bad argument. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
