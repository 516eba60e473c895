using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Cli.Arguments;

/// <summary>
/// Turns one <c>--batch</c> line (a JSON object whose keys are the verb's option keys) into the command-line tokens
/// of those options, so a batch line is parsed and checked by exactly the definitions the command line uses.
/// </summary>
internal static class BatchLine
{
    /// <summary>The tokens after the verb's name; a <see cref="UsageException"/> names a bad key or value.</summary>
    public static IReadOnlyList<string> ToTokens(VerbCommand verb, string line)
    {
        // A UTF-8 byte order mark read as text: the first line of a file saved by some editors.
        line = line.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(line))
        {
            throw new UsageException("the line is empty; expected a JSON object");
        }

        if (StrictJson.Parse(line, "the line") is not JsonObject obj)
        {
            throw new UsageException("a batch line must be a JSON object");
        }

        var tokens = new List<string>();
        var positional = new List<string>();
        foreach (var (key, value) in obj)
        {
            var spec = verb.Verb.Options.FirstOrDefault(o => o.Key == key)
                ?? throw new UsageException($"unknown key {Quote.Short(key)} for {verb.Verb.Name}; expected one of: {string.Join(", ", verb.Verb.Options.Select(o => o.Key))}");
            if (value is null)
            {
                continue; // null: not given
            }

            foreach (var text in Values(spec, value))
            {
                if (spec.Positional)
                {
                    positional.Add(text);
                }
                else if (spec.Kind == OptionKind.Flag)
                {
                    tokens.Add(spec.Flag);
                }
                else
                {
                    // --key=value keeps a value that looks like an option a value; an empty value needs its own token.
                    tokens.AddRange(text.Length == 0 ? [spec.Flag, ""] : [spec.Flag + "=" + text]);
                }
            }
        }

        return positional.Count == 0 ? tokens : [.. tokens, "--", .. positional];
    }

    private static IEnumerable<string> Values(OptionSpec spec, JsonNode value) => spec.Kind switch
    {
        OptionKind.TextList => value is JsonArray array
            ? array.Select(item => Text(spec, item))
            : throw new UsageException($"{spec.Key} must be an array of strings"),
        OptionKind.Json => [value.ToJsonString()],
        OptionKind.Flag => value.GetValueKind() switch
        {
            JsonValueKind.True => ["true"],
            JsonValueKind.False => [],
            _ => throw new UsageException($"{spec.Key} must be true or false"),
        },
        OptionKind.Integer => value.GetValueKind() == JsonValueKind.Number
            ? [value.ToJsonString()]
            : [Text(spec, value)],
        _ => [Text(spec, value)],
    };

    private static string Text(OptionSpec spec, JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new UsageException($"{spec.Key} must be a string");
}
