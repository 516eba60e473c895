using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace PipelineSdk.Cli.Arguments;

/// <summary><c>--version</c>: the tool's own version, also when the CLI runs inside another process (tests).</summary>
internal sealed class ToolVersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of the tool's assembly (<c>0.1.0+commit</c>).</summary>
    public static string Version { get; } =
        typeof(ToolVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return 0;
    }
}
