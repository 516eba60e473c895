using System.Text.Json.Nodes;

namespace PipelineSdk.Package.Tests;

/// <summary>The README's configuration reference is the canonical config schema, key for key.</summary>
public sealed class ReadmeConfigReferenceTests
{
    [Fact]
    public void Every_canonical_key_is_a_row_with_its_default_and_override_and_no_other_key_is()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Repository.PathOf("schemas", "reactor_config.schema.json")))!;
        var expected = new List<string>();
        foreach (var (section, _) in schema["properties"]!.AsObject())
        {
            foreach (var (key, declaration) in schema["definitions"]![section]!["properties"]!.AsObject())
            {
                var fallback = declaration!.AsObject().TryGetPropertyValue("default", out var value) ? "`" + (value?.ToJsonString() ?? "null") + "`" : "";
                expected.Add($"| `{section}.{key}` | {TypeOf(declaration)} | {fallback} | `_REACTOR_{section.ToUpperInvariant()}_{key.ToUpperInvariant()}` |");
            }
        }

        var rows = File.ReadAllLines(Repository.PathOf("README.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal) && line.Contains("| `_REACTOR_", StringComparison.Ordinal))
            .Select(line => line[..(line.IndexOf("| `_REACTOR_", StringComparison.Ordinal) + 2)] + line[(line.IndexOf("| `_REACTOR_", StringComparison.Ordinal) + 2)..].Split(' ')[0] + " |")
            .ToList();

        Assert.Equal(expected, rows);
    }

    private static string TypeOf(JsonNode declaration) => declaration["type"] switch
    {
        JsonArray types => string.Join(" or ", types.Select(type => (string)type!)),
        { } type when (string)type! == "array" => "list of " + (string?)declaration["items"]?["type"],
        { } type => (string)type!,
        null => "any",
    };
}
