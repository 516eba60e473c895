using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;

namespace PipelineSdk.Stores.Internal;

/// <summary>Converts free-form JSON (job data, event payloads, patterns) to and from <see cref="StoredDocument"/> values.</summary>
internal static class StoredValues
{
    /// <summary>Truncates a time to whole seconds in UTC, as the original stores every date.</summary>
    public static DateTime ToStoredDate(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTime(ticks - ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    /// <summary>A stored date as UTC; a missing one reads as the Unix epoch.</summary>
    public static DateTimeOffset ToTime(object? value) => value is DateTime date
        ? new DateTimeOffset(DateTime.SpecifyKind(date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : date, DateTimeKind.Utc))
        : DateTimeOffset.UnixEpoch;

    /// <summary>
    /// JSON to a stored value; numbers keep the narrowest exact type (int, long, then double). Whatever entry the JSON
    /// came through, what cannot be stored and read back is refused here, naming <paramref name="field"/> and the
    /// JSON pointer: a number that is not finite, a key holding NUL.
    /// </summary>
    /// <exception cref="PipelineJobValidationException">A value cannot be stored.</exception>
    public static object? FromJson(JsonNode? node, string field) => FromJson(node, field, "");

    /// <summary>A JSON object to a stored document, keeping its key order (see <see cref="FromJson(JsonNode?, string)"/>).</summary>
    public static StoredDocument FromJson(JsonObject obj, string field) => FromJson(obj, field, "");

    private static object? FromJson(JsonNode? node, string field, string pointer) => node switch
    {
        null => null,
        JsonObject obj => FromJson(obj, field, pointer),
        JsonArray array => array.Select((item, i) => FromJson(item, field, pointer + "/" + i.ToString(CultureInfo.InvariantCulture))).ToList(),
        JsonValue value => FromJsonValue(value, field, pointer),
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType().Name}."),
    };

    private static StoredDocument FromJson(JsonObject obj, string field, string pointer)
    {
        var document = new StoredDocument();
        foreach (var (key, value) in obj)
        {
            var at = pointer + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            if (key.Contains('\0', StringComparison.Ordinal))
            {
                throw Unstorable(field, at, "the key contains the NUL character (\\u0000)");
            }

            document.Add(key, FromJson(value, field, at));
        }

        return document;
    }

    /// <summary>A stored value to JSON; dates become ISO 8601 text, library values their text form.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        StoredDocument document => ToJsonObject(document),
        List<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        // A job written by an older version or by Python can hold infinity or NaN, which JSON cannot carry: it reads
        // as the text Python's json module writes for it, so the job stays readable.
        double number when !double.IsFinite(number) => JsonValue.Create(double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity"),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        DateTime date => JsonValue.Create(ToTime(date).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>A stored document to a JSON object.</summary>
    public static JsonObject ToJsonObject(StoredDocument document)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in document.Fields)
        {
            obj[key] = ToJson(value);
        }

        return obj;
    }

    private static object? FromJsonValue(JsonValue value, string field, string pointer)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                if (value.TryGetValue<int>(out var small))
                {
                    return small;
                }

                if (value.TryGetValue<long>(out var large))
                {
                    return large;
                }

                return TryGetFinite(value, out var number)
                    ? number
                    : throw Unstorable(field, pointer, "the number is not finite (out of range, infinity or NaN)");
            default:
                return null;
        }
    }

    private static bool TryGetFinite(JsonValue value, out double number)
    {
        try
        {
            return value.TryGetValue(out number) && double.IsFinite(number);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException)
        {
            number = 0;
            return false;
        }
    }

    private static PipelineJobValidationException Unstorable(string field, string pointer, string reason) =>
        new($"{field}: {reason} at JSON pointer '{pointer}'; it cannot be stored. Nothing was written.");
}
