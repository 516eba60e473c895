using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Cli.Arguments;

/// <summary>
/// The arguments of one verb invocation, the same whether they came from the command line or from a batch line.
/// Typed accessors throw <see cref="UsageException"/> naming the option as the user wrote it.
/// </summary>
public sealed class VerbInput
{
    private readonly IReadOnlyDictionary<string, JsonNode?> _values;
    private readonly IReadOnlyDictionary<string, OptionSpec> _specs;
    private readonly bool _batch;

    internal VerbInput(IReadOnlyDictionary<string, JsonNode?> values, IReadOnlyList<OptionSpec> specs, bool batch)
    {
        _values = values;
        _specs = specs.ToDictionary(s => s.Key);
        _batch = batch;
    }

    /// <summary>True when the arguments came from a <c>--batch</c> line: the result must then be one line.</summary>
    public bool Batch => _batch;

    /// <summary>True when the result is to be printed as JSON: <c>--json</c>, and always in batch mode (one line).</summary>
    public bool WantsJson => _batch || Flag("json");

    /// <summary>
    /// The option's name as the user wrote it: <c>--child-of</c> (<c>UUID</c> for a positional value), or
    /// <c>child_of</c> in batch mode.
    /// </summary>
    public string NameOf(string key) => _batch ? key : _specs[key].Positional ? _specs[key].HelpName : _specs[key].Flag;

    /// <summary>True when the option was given.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>A required text option.</summary>
    public string Text(string key) => OptionalText(key) ?? throw new UsageException($"missing required option {NameOf(key)}");

    /// <summary>An optional text option, or null.</summary>
    public string? OptionalText(string key) =>
        _values.TryGetValue(key, out var node) ? AsText(key, node) : null;

    /// <summary>A repeatable text option; empty when not given.</summary>
    public IReadOnlyList<string> TextList(string key)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new UsageException($"{NameOf(key)} must be an array of strings");
        }

        return array.Select(item => AsText(key, item)).ToArray();
    }

    /// <summary>An optional JSON object option; <paramref name="fallback"/> when not given.</summary>
    public JsonObject JsonObject(string key, JsonObject fallback) =>
        !_values.TryGetValue(key, out var node) ? fallback
        : node as JsonObject ?? throw new UsageException($"{NameOf(key)} must be a JSON object");

    /// <summary>An optional JSON array option, or null.</summary>
    public JsonArray? OptionalJsonArray(string key) =>
        !_values.TryGetValue(key, out var node) ? null
        : node as JsonArray ?? throw new UsageException($"{NameOf(key)} must be a JSON array");

    /// <summary>A switch: true when given (in batch mode, the JSON value <c>true</c>).</summary>
    public bool Flag(string key)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            return false;
        }

        return node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw new UsageException($"{NameOf(key)} must be true or false");
    }

    /// <summary>An optional integer option, or null.</summary>
    public long? OptionalInteger(string key)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            return null;
        }

        var text = node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : AsText(key, node);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UsageException($"{NameOf(key)} must be an integer, got {Quote.Short(text)}");
    }

    private string AsText(string key, JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new UsageException($"{NameOf(key)} must be a string");
}
