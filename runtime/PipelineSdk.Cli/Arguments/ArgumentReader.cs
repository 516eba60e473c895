using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Cli.Arguments;

/// <summary>Turns command-line arguments or one batch line into a <see cref="VerbInput"/>.</summary>
public static class ArgumentReader
{
    /// <summary>Reads <c>--option value</c> pairs (and at most one positional value) after the verb.</summary>
    public static VerbInput FromCommandLine(VerbSpec verb, IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, JsonNode?>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                var positional = verb.Options.FirstOrDefault(o => o.Positional)
                    ?? throw new UsageException($"unexpected argument '{arg}' for {verb.Name}");
                Add(values, positional, arg, positional.Flag);
                continue;
            }

            var spec = verb.Options.FirstOrDefault(o => o.Flag == arg)
                ?? throw new UsageException($"unknown option {arg} for {verb.Name}");
            if (spec.Kind == OptionKind.Flag)
            {
                values[spec.Key] = JsonValue.Create(true);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"option {arg} needs a value");
            }

            Add(values, spec, args[++i], arg);
        }

        return new VerbInput(values, verb.Options, batch: false);
    }

    /// <summary>Reads one JSON Lines object whose keys are the verb's option keys.</summary>
    public static VerbInput FromBatchLine(VerbSpec verb, string line)
    {
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(line) as JsonObject ?? throw new UsageException("a batch line must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new UsageException($"a batch line is not valid JSON: {e.Message}");
        }

        var values = new Dictionary<string, JsonNode?>();
        foreach (var (key, value) in obj)
        {
            if (!verb.Options.Any(o => o.Key == key))
            {
                throw new UsageException($"unknown key '{key}' for {verb.Name}");
            }

            values[key] = value?.DeepClone();
        }

        return new VerbInput(values, verb.Options, batch: true);
    }

    private static void Add(Dictionary<string, JsonNode?> values, OptionSpec spec, string text, string name)
    {
        switch (spec.Kind)
        {
            case OptionKind.TextList:
                if (!values.TryGetValue(spec.Key, out var list))
                {
                    values[spec.Key] = list = new JsonArray();
                }

                ((JsonArray)list!).Add(text);
                break;
            case OptionKind.Json:
                values[spec.Key] = ParseJson(text, name);
                break;
            default:
                if (values.ContainsKey(spec.Key))
                {
                    throw new UsageException($"option {name} given more than once");
                }

                values[spec.Key] = JsonValue.Create(text);
                break;
        }
    }

    private static JsonNode? ParseJson(string text, string name)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{name} is not valid JSON: {e.Message}");
        }
    }
}
