using System.Text.Json.Nodes;

namespace PipelineSdk.Cli.Arguments;

/// <summary>
/// Reads the JSON a user gives (<c>--data</c>, <c>--archive-patterns</c>, batch lines) with the runtime's
/// <see cref="PipelineSdk.Json.StrictJson"/>: what a store could not keep or print back (duplicate keys, lone UTF-16
/// surrogates, NUL in keys, numbers beyond a double) is a usage error that names its JSON pointer.
/// </summary>
public static class StrictJson
{
    /// <summary>The parsed value, or a <see cref="UsageException"/> whose message starts with <paramref name="name"/>.</summary>
    public static JsonNode? Parse(string text, string name)
    {
        var result = PipelineSdk.Json.StrictJson.Read(text);
        return result.Problem is { } problem ? throw new UsageException(problem.Describe(name)) : result.Node;
    }
}
