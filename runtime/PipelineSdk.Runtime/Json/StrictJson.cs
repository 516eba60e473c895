using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;

namespace PipelineSdk.Json;

/// <summary>
/// The one reader for JSON that a client hands the SDK to store (event bodies, <c>MSG</c>, <c>--data</c>). Besides the
/// grammar it refuses what would parse here but break the job later: numbers that are not finite (<c>1e999</c>
/// becomes infinity, which no JSON writer can write back), duplicate keys, keys holding NUL (BSON cannot store them)
/// and strings escaping a lone UTF-16 surrogate. Every refusal names its JSON pointer and byte.
/// </summary>
public static class StrictJson
{
    /// <summary>The deepest nesting read, as System.Text.Json's default.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    /// <summary>Parses <paramref name="utf8"/>, or throws naming <paramref name="source"/> and the place.</summary>
    /// <param name="utf8">The JSON text as UTF-8.</param>
    /// <param name="source">What the text is, for the message (for example <c>--data</c> or <c>MSG</c>).</param>
    /// <exception cref="PipelineJobValidationException">The text is not JSON or holds a value that cannot be stored.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, string source)
    {
        var result = Read(utf8);
        return result.Problem is { } problem ? throw new PipelineJobValidationException(problem.Describe(source)) : result.Node;
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, string)" />
    public static JsonNode? Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Read(text);
        return result.Problem is { } problem ? throw new PipelineJobValidationException(problem.Describe(source)) : result.Node;
    }

    /// <summary>Reads text that came as .NET characters; a lone surrogate in it is refused as such.</summary>
    public static StrictJsonResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return new(null, new(StrictJsonProblemKind.Unstorable, "", -1, $"not valid text: a lone UTF-16 surrogate at character {i + 1}"));
            }
        }

        return Read(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Reads <paramref name="utf8"/> without throwing: the value, or the first problem.</summary>
    public static StrictJsonResult Read(ReadOnlySpan<byte> utf8)
    {
        if (FirstInvalidUtf8(utf8) is var invalidAt and >= 0)
        {
            // Checked first: the JSON reader accepts such bytes inside strings and fails only when they are read.
            return new(null, new(StrictJsonProblemKind.Syntax, "", invalidAt, "not valid UTF-8"));
        }

        if (Check(utf8) is { } problem)
        {
            return new(null, problem);
        }

        return new(JsonNode.Parse(utf8, documentOptions: DocumentOptions), null);
    }

    private static StrictJsonProblem? Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        NextValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        frame.Key = null;
                        if (!TryGetString(ref reader, out var key))
                        {
                            return Unstorable(frames, reader, "a key escapes a lone UTF-16 surrogate");
                        }

                        frame.Key = key;
                        if (key.Contains('\0', StringComparison.Ordinal))
                        {
                            return Unstorable(frames, reader, "a key contains the NUL character (\\u0000), which cannot be stored");
                        }

                        if (!frame.Keys!.Add(key))
                        {
                            return Unstorable(frames, reader, "the key appears twice in its object");
                        }

                        break;
                    case JsonTokenType.String:
                        NextValue(frames);
                        if (!TryGetString(ref reader, out _))
                        {
                            return Unstorable(frames, reader, "the string escapes a lone UTF-16 surrogate");
                        }

                        break;
                    case JsonTokenType.Number:
                        NextValue(frames);
                        if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
                        {
                            return Unstorable(frames, reader, "the number is out of range (beyond ±1.8e308, so not finite)");
                        }

                        break;
                    default:
                        NextValue(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            // The parser's own message can quote the text; say only where it broke.
            return new(StrictJsonProblemKind.Syntax, "", reader.TokenStartIndex,
                $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of the line)");
        }

        return null;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static void NextValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    private static StrictJsonProblem Unstorable(List<Frame> frames, Utf8JsonReader reader, string reason) =>
        new(StrictJsonProblemKind.Unstorable, Pointer(frames), reader.TokenStartIndex, reason);

    private static string Pointer(List<Frame> frames)
    {
        var pointer = new StringBuilder();
        foreach (var frame in frames)
        {
            if (!frame.IsArray && frame.Key is null)
            {
                // A key that could not be read: the pointer names its object.
                break;
            }

            pointer.Append('/');
            pointer.Append(frame.IsArray
                ? frame.Index.ToString(CultureInfo.InvariantCulture)
                : frame.Key!.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return pointer.ToString();
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var read) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += read;
        }

        return -1;
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Key { get; set; }

        public HashSet<string>? Keys { get; } = isArray ? null : new(StringComparer.Ordinal);
    }
}
