using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Configuration;

/// <summary>Converts configuration text (environment overrides, <c>LOCALONLY</c>) to declared types.</summary>
public static class ConfigValueParser
{
    private static readonly string[] TrueWords = ["t", "true", "on", "ok", "y", "yes", "1"];
    private static readonly string[] FalseWords = ["f", "false", "off", "n", "no", "0", ""];

    /// <summary>
    /// Parses a boolean with the Python SDK's table (any case, surrounding blanks ignored):
    /// t, true, on, ok, y, yes, 1 are true; f, false, off, n, no, 0 and the empty string are false.
    /// </summary>
    /// <returns>False when <paramref name="text"/> is null or not in the table.</returns>
    public static bool TryParseBoolean(string? text, out bool value)
    {
        value = false;
        if (text is null)
        {
            return false;
        }

        var word = text.Trim();
        if (TrueWords.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        return FalseWords.Contains(word, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The boolean table in words, for messages.</summary>
    public const string BooleanWords = "t, true, on, ok, y, yes, 1 or f, false, off, n, no, 0, empty";

    /// <summary>Parses a 64-bit integer (invariant culture, optional sign, surrounding blanks ignored).</summary>
    /// <returns>False when <paramref name="text"/> is null or not an integer.</returns>
    public static bool TryParseInteger(string? text, out long value) =>
        long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a finite number (invariant culture, surrounding blanks ignored).</summary>
    /// <returns>False when <paramref name="text"/> is null, not a number, infinite or NaN.</returns>
    public static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// Converts <paramref name="text"/> to <paramref name="type"/> as a JSON node, or returns null with
    /// <paramref name="problem"/> saying what the text is not (without repeating it).
    /// </summary>
    internal static JsonNode? TryConvert(string text, ConfigValueType type, out string? problem)
    {
        problem = null;
        switch (type)
        {
            case ConfigValueType.String:
                return JsonValue.Create(text);
            case ConfigValueType.Integer when TryParseInteger(text, out var integer):
                return JsonValue.Create(integer);
            case ConfigValueType.Number when TryParseNumber(text, out var number):
                return JsonValue.Create(number);
            case ConfigValueType.Boolean when TryParseBoolean(text, out var boolean):
                return JsonValue.Create(boolean);
            case ConfigValueType.StringArray:
                return TryConvertArray(text, ConfigValueType.String, "strings", out problem);
            case ConfigValueType.IntegerArray:
                return TryConvertArray(text, ConfigValueType.Integer, "integers", out problem);
            case ConfigValueType.NumberArray:
                return TryConvertArray(text, ConfigValueType.Number, "finite numbers", out problem);
            case ConfigValueType.BooleanArray:
                return TryConvertArray(text, ConfigValueType.Boolean, "booleans", out problem);
            case ConfigValueType.Object when TryParseJson(text) is JsonObject mapping:
                return mapping;
        }

        problem = type switch
        {
            ConfigValueType.Integer => "is not an integer",
            ConfigValueType.Number => "is not a finite number",
            ConfigValueType.Boolean => "is not a boolean (" + BooleanWords + ")",
            _ => "is not a JSON object",
        };
        return null;
    }

    /// <summary>
    /// A list: comma-separated text (each item trimmed and converted), or a JSON array whose items are strings (any
    /// list) or, for typed lists, JSON values of the item type.
    /// </summary>
    private static JsonArray? TryConvertArray(string text, ConfigValueType itemType, string itemName, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        IEnumerable<string?> items;
        if (!trimmed.StartsWith('['))
        {
            items = trimmed.Length == 0 ? [] : trimmed.Split(',').Select(item => item.Trim());
        }
        else if (TryParseJson(trimmed) is JsonArray array)
        {
            items = array.Select(item => ItemText(item, itemType));
        }
        else
        {
            items = [null];
        }

        var converted = new JsonArray();
        foreach (var item in items)
        {
            var node = item is null ? null : TryConvert(item, itemType, out _);
            if (node is null)
            {
                problem = $"is not a JSON array of {itemName} (or a comma-separated list)";
                return null;
            }

            converted.Add(node);
        }

        return converted;
    }

    /// <summary>The text of a JSON array item: strings always, numbers and booleans only for lists of their type.</summary>
    private static string? ItemText(JsonNode? item, ConfigValueType itemType) => item?.GetValueKind() switch
    {
        JsonValueKind.String => item.GetValue<string>(),
        JsonValueKind.Number when itemType is ConfigValueType.Integer or ConfigValueType.Number => item.ToJsonString(),
        JsonValueKind.True or JsonValueKind.False when itemType == ConfigValueType.Boolean => item.ToJsonString(),
        _ => null,
    };

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
