using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Cli.Arguments;

/// <summary>
/// Reads the JSON a user gives (<c>--data</c>, <c>--archive-patterns</c>, batch lines) and refuses, naming where, what
/// a store could not keep or print: duplicate keys, lone UTF-16 surrogates, NUL in keys, numbers too large for a
/// double, nesting deeper than 64.
/// </summary>
public static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>The parsed value, or a <see cref="UsageException"/> whose message starts with <paramref name="name"/>.</summary>
    public static JsonNode? Parse(string text, string name)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{name} is not valid JSON: {e.Message}");
        }

        try
        {
            Check(node, "", name);
        }
        catch (InvalidOperationException)
        {
            // The reader unescapes "\udc00" only when the text is read, and refuses it then.
            throw new UsageException($"{name}: a string or key holds a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)");
        }

        return node;
    }

    private static void Check(JsonNode? node, string pointer, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var at = pointer + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    if (key.Contains('\0', StringComparison.Ordinal))
                    {
                        throw Refused(name, pointer, "a key holds a NUL character");
                    }

                    CheckText(key, pointer, name);
                    Check(value, at, name);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], $"{pointer}/{i}", name);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CheckText(value.GetValue<string>(), pointer, name);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                if (!value.TryGetValue<double>(out var number) || !double.IsFinite(number))
                {
                    throw Refused(name, pointer, $"the number {Quote.Short(value.ToJsonString())} is too large");
                }

                break;
        }
    }

    private static void CheckText(string text, string pointer, string name)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !(i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1])))
            {
                throw Refused(name, pointer, "a string holds a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)");
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }
    }

    private static UsageException Refused(string name, string pointer, string problem) =>
        new($"{name}: {problem} at JSON pointer '{pointer}'");
}
