using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>JSON to a stored value; numbers keep the narrowest exact type (int, long, then double).</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => FromJson(obj),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => FromJsonValue(value),
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType().Name}."),
    };

    /// <summary>A JSON object to a stored document, keeping its key order.</summary>
    public static StoredDocument FromJson(JsonObject obj)
    {
        var document = new StoredDocument();
        foreach (var (key, value) in obj)
        {
            document.Add(key, FromJson(value));
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

    private static object? FromJsonValue(JsonValue value)
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

                return value.GetValue<double>();
            default:
                return null;
        }
    }
}
