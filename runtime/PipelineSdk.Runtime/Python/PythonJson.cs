using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;

namespace PipelineSdk.Python;

/// <summary>
/// Python's <c>json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=True)</c> applied to the value that
/// <c>json.loads</c> would produce from the same JSON. Job UUIDs and archive paths hash this text, so it must match
/// the original byte for byte.
/// </summary>
/// <remarks>
/// Numbers follow Python's types: a literal without <c>.</c>, <c>e</c> or <c>E</c> is an integer of any size and
/// keeps its digits (<c>-0</c> becomes <c>0</c>); any other is a float, written as <c>repr(float)</c> (a float
/// beyond the double range becomes <c>Infinity</c>, as Python's float parser makes it). Object keys are sorted by
/// code point; for duplicate keys in a <see cref="JsonElement"/> the last one wins, as in <c>json.loads</c>.
/// <para>
/// Values built from CLR objects: a <see cref="double"/> or <see cref="float"/> is a Python float even when integral
/// (<c>3.0</c> stays <c>3.0</c>; NaN and infinities as <c>NaN</c>/<c>Infinity</c>), a <see cref="BigInteger"/> an
/// int; anything else is read from the JSON System.Text.Json writes for it (so <c>3m</c> is the int <c>3</c> and
/// <c>1.10m</c> the float <c>1.1</c>). A store must keep the same distinction (ints as BSON integers, floats as BSON
/// doubles) for Python to compute the same text from the stored document.
/// </para>
/// </remarks>
internal static class PythonJson
{
    /// <summary>The canonical text of a node; <c>null</c> gives <c>null</c>.</summary>
    /// <exception cref="PipelineJobValidationException">A string or key of parsed JSON text holds a lone surrogate escape.</exception>
    public static string Dumps(JsonNode? node)
    {
        var output = new StringBuilder();
        try
        {
            WriteNode(output, node);
        }
        catch (InvalidOperationException) when (UnreadableStrings.Find(node) is { } path)
        {
            throw UnreadableStrings.Error(path);
        }

        return output.ToString();
    }

    /// <summary>The canonical text of a parsed JSON element.</summary>
    /// <exception cref="PipelineJobValidationException">A string or key holds a lone surrogate escape.</exception>
    public static string Dumps(JsonElement element)
    {
        var output = new StringBuilder();
        try
        {
            WriteElement(output, element);
        }
        catch (InvalidOperationException) when (UnreadableStrings.Find(element, "$") is { } path)
        {
            throw UnreadableStrings.Error(path);
        }

        return output.ToString();
    }

    private static void WriteNode(StringBuilder output, JsonNode? node)
    {
        switch (node)
        {
            case null:
                output.Append("null");
                break;
            case JsonObject obj:
                WriteMembers(output, obj.Select(member => (member.Key, member.Value)), WriteNode);
                break;
            case JsonArray array:
                WriteItems(output, array, WriteNode);
                break;
            case JsonValue value:
                WriteValue(output, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder output, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            WriteElement(output, element);
        }
        else if (value.TryGetValue<string>(out var text))
        {
            WriteString(output, text);
        }
        else if (value.TryGetValue<BigInteger>(out var big))
        {
            output.Append(big.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<double>(out var number))
        {
            // A CLR double is a Python float even when integral (3.0 stays "3.0"), as it would be after a round trip
            // through BSON.
            output.Append(PythonFloat.Repr(number));
        }
        else if (value.TryGetValue<float>(out var single))
        {
            // A float's shortest text ("0.1"), read as a double, as Python would read the JSON System.Text.Json writes.
            output.Append(PythonFloat.Repr(float.IsFinite(single) ? double.Parse(single.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : single));
        }
        else
        {
            // Any other CLR value: the JSON System.Text.Json writes for it is what Python would read.
            using var document = JsonDocument.Parse(value.ToJsonString());
            WriteElement(output, document.RootElement);
        }
    }

    private static void WriteElement(StringBuilder output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    members[property.Name] = property.Value;
                }

                WriteMembers(output, members.Select(member => (member.Key, member.Value)), WriteElement);
                break;
            case JsonValueKind.Array:
                WriteItems(output, element.EnumerateArray(), WriteElement);
                break;
            case JsonValueKind.String:
                WriteString(output, element.GetString()!);
                break;
            case JsonValueKind.Number:
                WriteNumber(output, element.GetRawText());
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                throw new ArgumentException($"A JSON element of kind {element.ValueKind} has no JSON text.", nameof(element));
        }
    }

    private static void WriteMembers<T>(StringBuilder output, IEnumerable<(string Key, T Value)> members, Action<StringBuilder, T> writeValue)
    {
        output.Append('{');
        var first = true;
        foreach (var (key, value) in members.OrderBy(member => member.Key, CodePointComparer.Instance))
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            WriteString(output, key);
            output.Append(':');
            writeValue(output, value);
        }

        output.Append('}');
    }

    private static void WriteItems<T>(StringBuilder output, IEnumerable<T> items, Action<StringBuilder, T> writeItem)
    {
        output.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            writeItem(output, item);
        }

        output.Append(']');
    }

    private static void WriteNumber(StringBuilder output, string literal)
    {
        if (literal.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
        {
            // .NET parses correctly rounded and overflows to infinity, as Python's float() does.
            output.Append(PythonFloat.Repr(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        else
        {
            output.Append(BigInteger.Parse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteString(StringBuilder output, string text)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case >= ' ' and <= '~':
                    output.Append(c);
                    break;
                default:
                    // Everything else, DEL and non-ASCII included, as \uXXXX per UTF-16 unit: astral characters
                    // come out as their surrogate pair, as Python writes them.
                    output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        output.Append('"');
    }
}
