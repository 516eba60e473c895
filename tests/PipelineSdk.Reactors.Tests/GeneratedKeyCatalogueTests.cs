using System.Text.Json.Nodes;
using PipelineSdk.Configuration;

namespace PipelineSdk.Reactors.Tests;

/// <summary>The generated <see cref="ReactorSettingsBinder.Keys"/> equals what schemas/reactor_config.schema.json declares.</summary>
public sealed class GeneratedKeyCatalogueTests
{
    [Fact]
    public void Generated_catalogue_equals_the_keys_the_schema_declares()
    {
        Assert.Equal(ReadSchemaKeys(), ReactorSettingsBinder.Keys);
    }

    [Fact]
    public void Generated_catalogue_declares_types_and_secrets()
    {
        var byPath = ReactorSettingsBinder.Keys.ToDictionary(k => k.Path);

        Assert.Equal(new ConfigKey("pipelines:job_manager_nonce", ConfigValueType.String, true), byPath["pipelines:job_manager_nonce"]);
        Assert.Equal(new ConfigKey("pipelines:archive_roots", ConfigValueType.StringArray, false), byPath["pipelines:archive_roots"]);
        Assert.Equal(new ConfigKey("mongodb:port", ConfigValueType.Integer, false), byPath["mongodb:port"]);
        Assert.Equal(new ConfigKey("logs:token", ConfigValueType.String, true), byPath["logs:token"]);
        Assert.Equal(ConfigValueType.Boolean, byPath["pipelines:state_enter"].Type);
    }

    /// <summary>An independent walk of the schema (JSON only, no generator code): every leaf key in schema order.</summary>
    private static List<ConfigKey> ReadSchemaKeys()
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
