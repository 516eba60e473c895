using System.Text.Json.Nodes;
using PipelineSdk.Configuration;

namespace PipelineSdk.Reactors.Tests.Support;

/// <summary>
/// The declared keys of schemas/reactor_config.schema.json, read from the schema at test time only, standing in for
/// the catalogue the source generator will emit (the runtime never reads schemas).
/// </summary>
internal static class CanonicalConfigCatalogue
{
    private static readonly Lazy<IReadOnlyList<ConfigKey>> Cached = new(Load);

    public static IReadOnlyList<ConfigKey> Keys => Cached.Value;

    public static IReadOnlyList<ConfigKey> With(params ConfigKey[] more) => [.. Keys, .. more];

    private static IReadOnlyList<ConfigKey> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "schemas", "reactor_config.schema.json");
        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var keys = new List<ConfigKey>();
        Walk(schema, schema, null, keys);
        return keys;
    }

    private static void Walk(JsonObject root, JsonObject schema, string? path, List<ConfigKey> keys)
    {
        schema = Resolve(root, schema);
        if (schema["properties"] is not JsonObject properties)
        {
            if (path is not null)
            {
                keys.Add(new ConfigKey(path, TypeOf(schema, path), IsSecret(schema)));
            }

            return;
        }

        foreach (var (name, property) in properties)
        {
            var child = Resolve(root, property!.AsObject());
            var childPath = path is null ? name : $"{path}:{name}";
            if (child["properties"] is JsonObject)
            {
                Walk(root, child, childPath, keys);
            }
            else
            {
                keys.Add(new ConfigKey(childPath, TypeOf(child, childPath), IsSecret(child)));
            }
        }
    }

    private static JsonObject Resolve(JsonObject root, JsonObject schema)
    {
        if (schema["$ref"]?.GetValue<string>() is not { } reference)
        {
            return schema;
        }

        const string prefix = "#/definitions/";
        return reference.StartsWith(prefix, StringComparison.Ordinal)
            ? root["definitions"]![reference[prefix.Length..]]!.AsObject()
            : throw new InvalidOperationException($"unsupported $ref {reference}");
    }

    private static bool IsSecret(JsonObject schema) => schema["x-secret"]?.GetValue<bool>() == true;

    private static ConfigValueType TypeOf(JsonObject schema, string path)
    {
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => throw new InvalidOperationException($"{path}: no type"),
        };
        return types.Single() switch
        {
            "string" => ConfigValueType.String,
            "integer" => ConfigValueType.Integer,
            "number" => ConfigValueType.Number,
            "boolean" => ConfigValueType.Boolean,
            "object" => ConfigValueType.Object,
            "array" when schema["items"]?["type"]?.GetValue<string>() == "string" => ConfigValueType.StringArray,
            var other => throw new InvalidOperationException($"{path}: unsupported type {other}"),
        };
    }
}
