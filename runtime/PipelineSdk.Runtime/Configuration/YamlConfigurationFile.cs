using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PipelineSdk.Configuration;

/// <summary>Reads one config.yml into a JSON tree (scalars kept as their text, YAML nulls as null).</summary>
internal static class YamlConfigurationFile
{
    private const string MergeKey = "<<";

    /// <summary>Loads <paramref name="path"/>; an empty file is an empty mapping.</summary>
    /// <exception cref="ReactorConfigurationException">The file is not valid YAML or its top level is not a mapping.</exception>
    public static JsonObject Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ReactorConfigurationException(
                $"{path}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Problem(e)}", e);
        }
        catch (IOException e)
        {
            throw new ReactorConfigurationException($"{path}: cannot be read: {e.Message}", e);
        }

        return stream.Documents.Count switch
        {
            0 => [],
            1 => ToRoot(path, stream.Documents[0].RootNode),
            _ => throw new ReactorConfigurationException(
                $"{path}: invalid YAML at line {stream.Documents[1].RootNode.Start.Line}, column {stream.Documents[1].RootNode.Start.Column}: expected a single document"),
        };
    }

    private static JsonObject ToRoot(string path, YamlNode root) => ToNode(path, root) switch
    {
        JsonObject mapping => mapping,
        null => [],
        _ => throw new ReactorConfigurationException(
            $"{path}: invalid config at line {root.Start.Line}, column {root.Start.Column}: the top level must be a mapping of sections"),
    };

    private static JsonNode? ToNode(string path, YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(path, mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(child => ToNode(path, child)).ToArray()),
        YamlScalarNode scalar => IsNull(scalar) ? null : JsonValue.Create(scalar.Value ?? ""),
        _ => throw new ReactorConfigurationException(
            $"{path}: unsupported YAML node at line {node.Start.Line}, column {node.Start.Column}"),
    };

    private static JsonObject ToObject(string path, YamlMappingNode mapping)
    {
        var result = new JsonObject();
        var merged = new List<JsonObject>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                throw new ReactorConfigurationException(
                    $"{path}: invalid config at line {keyNode.Start.Line}, column {keyNode.Start.Column}: keys must be plain text");
            }

            if (key == MergeKey && scalarKey.Style == ScalarStyle.Plain)
            {
                merged.AddRange(MergeSources(path, valueNode));
                continue;
            }

            result[key] = ToNode(path, valueNode);
        }

        // YAML merge keys (<<: *anchor), as PyYAML's safe_load applies them: explicit keys win, earlier sources win.
        foreach (var source in merged)
        {
            foreach (var (key, value) in source)
            {
                if (!result.ContainsKey(key))
                {
                    result[key] = value?.DeepClone();
                }
            }
        }

        return result;
    }

    private static IEnumerable<JsonObject> MergeSources(string path, YamlNode value) => value switch
    {
        YamlMappingNode mapping => [ToObject(path, mapping)],
        YamlSequenceNode sequence when sequence.Children.All(child => child is YamlMappingNode) =>
            sequence.Children.Select(child => ToObject(path, (YamlMappingNode)child)),
        _ => throw new ReactorConfigurationException(
            $"{path}: invalid config at line {value.Start.Line}, column {value.Start.Column}: a merge key (<<) needs a mapping or a list of mappings"),
    };

    // Plain null, Null, NULL, ~ and the empty value are YAML nulls; quoted "null" stays text.
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    // YamlDotNet prefixes its message with the positions, which this message already gives.
    private static string Problem(YamlException e)
    {
        var message = e.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && separator >= 0 ? message[(separator + 3)..] : message;
    }
}
