using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PipelineSdk.Stores.Internal;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// Stored documents as the JSON text the embedded store keeps in its rows. JSON has no date type, so a date is the
/// object <c>{"$date": "ISO 8601"}</c> (MongoDB's extended JSON spelling, a key MongoDB refuses in stored data).
/// </summary>
internal static class EmbeddedDocuments
{
    private const string DateKey = "$date";

    /// <summary>The largest buffer a thread keeps for its next document (most are a few hundred bytes).</summary>
    private const int MaxKeptBuffer = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>This thread's buffer and writer, kept between calls: every event writes JSON twice.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _scratch;

    /// <summary>A stored value (usually a document or a list, or a job's recent salts as a list of texts) as JSON text.</summary>
    public static string ToJson(object? value)
    {
        var (buffer, writer) = _scratch ??= (new ArrayBufferWriter<byte>(1024), new Utf8JsonWriter(Stream.Null, WriterOptions));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            Write(writer, value);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            // A value that made the buffer large is not kept for the life of the thread.
            if (buffer.Capacity > MaxKeptBuffer)
            {
                _scratch = null;
            }
        }
    }

    /// <summary>JSON text written by <see cref="ToJson"/> as a stored document.</summary>
    public static StoredDocument DocumentFromJson(string json) =>
        FromJson(json) as StoredDocument ?? throw new InvalidOperationException("A stored row does not hold a JSON object.");

    /// <summary>JSON text written by <see cref="ToJson"/> as a stored value.</summary>
    public static object? FromJson(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return Read(parsed.RootElement);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case StoredDocument document:
                writer.WriteStartObject();
                foreach (var (name, field) in document.Fields)
                {
                    writer.WritePropertyName(name);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case IReadOnlyList<string> texts:
                writer.WriteStartArray();
                foreach (var text in texts)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case DateTime date:
                writer.WriteStartObject();
                writer.WriteString(DateKey, StoredValues.ToTime(date).UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentException($"Cannot store a value of type {value.GetType().Name}.", nameof(value));
        }
    }

    private static object? Read(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (IsDate(element, out var date))
                {
                    return date;
                }

                var document = new StoredDocument();
                foreach (var property in element.EnumerateObject())
                {
                    document.Add(property.Name, Read(property.Value));
                }

                return document;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(Read).ToList();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var small))
                {
                    return small;
                }

                return element.TryGetInt64(out var large) ? large : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static bool IsDate(JsonElement element, out DateTime date)
    {
        date = default;
        using var properties = element.EnumerateObject();
        if (!properties.MoveNext() || properties.Current.Name != DateKey || properties.Current.Value.ValueKind != JsonValueKind.String
            || properties.MoveNext())
        {
            return false;
        }

        date = DateTime.Parse(element.GetProperty(DateKey).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return true;
    }
}
