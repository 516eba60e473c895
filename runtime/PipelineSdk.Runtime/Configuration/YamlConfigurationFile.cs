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
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and node loader fail this way on some malformed input (found by the reliability
            // fuzz run); the message has no position.
            throw new ReactorConfigurationException($"{path}: invalid YAML: the YAML parser stopped ({e.Message})", e);
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

    private static JsonObject ToRoot(string path, YamlNode root) => new Converter(path).ToNode(root, 0) switch
    {
        JsonObject mapping => mapping,
        null => [],
        _ => throw new ReactorConfigurationException(
            $"{path}: invalid config at line {root.Start.Line}, column {root.Start.Column}: the top level must be a mapping of sections"),
    };

    /// <summary>
    /// Converts one document. Aliases make the YAML node tree a graph: an alias of an enclosing node (a cycle) and
    /// aliases that expand exponentially ("billion laughs") are refused, as is nesting beyond <see cref="MaxDepth"/>,
    /// so no file can overflow the stack or exhaust memory.
    /// </summary>
    private sealed class Converter(string path)
    {
        private const int MaxDepth = 128;
        private const int MaxNodes = 1_000_000;
        private readonly HashSet<YamlNode> _enclosing = new(ReferenceEqualityComparer.Instance);
        private int _nodes;

        public JsonNode? ToNode(YamlNode node, int depth)
        {
            if (depth > MaxDepth)
            {
                throw Invalid(node, $"the configuration nests deeper than {MaxDepth} levels");
            }

            if (++_nodes > MaxNodes)
            {
                throw Invalid(node, $"aliases expand to more than {MaxNodes} values");
            }

            if (!_enclosing.Add(node))
            {
                throw Invalid(node, "an alias refers to a node that contains it");
            }

            try
            {
                return node switch
                {
                    YamlMappingNode mapping => ToObject(mapping, depth),
                    YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(child => ToNode(child, depth + 1)).ToArray()),
                    YamlScalarNode scalar => IsNull(scalar) ? null : JsonValue.Create(scalar.Value ?? ""),
                    _ => throw new ReactorConfigurationException(
                        $"{path}: unsupported YAML node at line {node.Start.Line}, column {node.Start.Column}"),
                };
            }
            finally
            {
                _enclosing.Remove(node);
            }
        }

        private JsonObject ToObject(YamlMappingNode mapping, int depth)
        {
            var result = new JsonObject();
            var merged = new List<JsonObject>();
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
                {
                    throw Invalid(keyNode, "keys must be plain text");
                }

                if (key == MergeKey && scalarKey.Style == ScalarStyle.Plain)
                {
                    merged.AddRange(MergeSources(valueNode, depth + 1));
                    continue;
                }

                result[key] = ToNode(valueNode, depth + 1);
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

        private List<JsonObject> MergeSources(YamlNode value, int depth) => value switch
        {
            YamlMappingNode mapping => [(JsonObject)ToNode(mapping, depth)!],
            YamlSequenceNode sequence when sequence.Children.All(child => child is YamlMappingNode) =>
                [.. sequence.Children.Select(child => (JsonObject)ToNode(child, depth)!)],
            _ => throw Invalid(value, "a merge key (<<) needs a mapping or a list of mappings"),
        };

        private ReactorConfigurationException Invalid(YamlNode node, string problem) =>
            new($"{path}: invalid config at line {node.Start.Line}, column {node.Start.Column}: {problem}");
    }

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
