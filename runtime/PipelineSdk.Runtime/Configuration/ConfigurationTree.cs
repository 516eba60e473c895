using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Configuration;

/// <summary>Merges config trees and flattens them into <see cref="IConfiguration"/> keys.</summary>
internal static class ConfigurationTree
{
    /// <summary>
    /// Merges <paramref name="later"/> into <paramref name="target"/>, later winning: mappings present on both sides
    /// are merged key by key; anything else (scalar, list, null) replaces the earlier value whole.
    /// </summary>
    public static void Merge(JsonObject target, JsonObject later)
    {
        foreach (var (key, value) in later)
        {
            if (target[key] is JsonObject earlier && value is JsonObject laterMapping)
            {
                Merge(earlier, laterMapping);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="node"/> as keys below <paramref name="path"/>: mapping keys keep their names, list items
    /// become index keys, null stays null, and an empty mapping or list is its key with a null value.
    /// </summary>
    public static void Flatten(JsonNode? node, string? path, IDictionary<string, string?> data)
    {
        switch (node)
        {
            case JsonObject mapping when mapping.Count > 0:
                foreach (var (key, value) in mapping)
                {
                    Flatten(value, Combine(path, key), data);
                }

                break;
            case JsonArray list when list.Count > 0:
                for (var i = 0; i < list.Count; i++)
                {
                    Flatten(list[i], Combine(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), data);
                }

                break;
            case JsonObject or JsonArray or null:
                if (path is not null)
                {
                    data[path] = null;
                }

                break;
            case JsonValue value:
                data[path ?? ""] = value.TryGetValue<string>(out var text) ? text : value.ToJsonString();
                break;
        }
    }

    private static string Combine(string? path, string key) => path is null ? key : ConfigurationPath.Combine(path, key);
}
