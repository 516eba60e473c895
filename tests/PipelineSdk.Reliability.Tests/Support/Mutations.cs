using System.Text;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>Random edits of text: byte-level noise plus the syntax that breaks parsers (brackets, quotes, escapes).</summary>
public static class Mutations
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "(", ")", ",", ":", "'", "\"", "\\", "\\u", "\\x", "\\U0011ffff", "\\ud800", "\\N{DASH}",
        "True", "None", "NaN", "Infinity", "-", "+", "1e999", "0x1F", "1_000", "00", ".", "\n", "\r", "\t", "\0", "\u2028",
        "\ud800", "\udc00", "\U0001F600", "\uFEFF", "b'", "u'", "r'", "'''", "#", "&a", "*a", "<<", "- ", ": ", "---", "...",
        "!!python/object", "%YAML 1.2", "? ", "|", ">", "~", "@", "`", "{{", "}}", "$ref", "#/definitions/x", "\"type\"",
        "\"null\"", "\"enum\"", "\"properties\"", "\"required\"", "\"items\"", "\"allOf\"", "\"oneOf\"", "\"$ref\"",
    ];

    /// <summary>Applies one to <paramref name="maxEdits"/> random edits.</summary>
    public static string Mutate(Random random, string text, int maxEdits = 4)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, maxEdits + 1);
        for (var i = 0; i < edits; i++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length + 1);
            switch (random.Next(7))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), Math.Min(random.Next(1, 8), builder.Length - Math.Min(at, builder.Length - 1)));
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    builder.Insert(at, (char)random.Next(0, 0x10000));
                    break;
                case 3 when builder.Length > 0:
                    builder[Math.Min(at, builder.Length - 1)] = (char)random.Next(0x20, 0x7F);
                    break;
                case 4 when builder.Length > 2:
                    // Duplicate a slice (repeated keys, repeated brackets).
                    var start = random.Next(builder.Length - 1);
                    var length = Math.Min(random.Next(1, 40), builder.Length - start);
                    builder.Insert(at, builder.ToString(start, length));
                    break;
                case 5:
                    builder.Length = Math.Min(builder.Length, at); // truncation
                    break;
                default:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)] + Fragments[random.Next(Fragments.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A random string of crafted pieces: path and URL syntax, encodings, controls and Unicode look-alikes.</summary>
    public static string Crafted(Random random, int maxPieces = 8)
    {
        string[] pieces =
        [
            "..", ".", "/", "\\", "%2e", "%2E", "%2f", "%2F", "%252e%252e", "%25", "%5c", "%00", "?", "#", "&", "=", "+",
            " ", "@", ":", "//", "http://evil.example", "javascript:", "\r\n", "\0", "\u2215", "\uFF0E", "\u2024", "~",
            "a", "b", "job", "products", "v2", "messages", "x-nonce=1", "token=abc", "${JOB_STATUS}", "\u00e9", "\U0001F600",
            "\ud800", ";", "'", "\"", "<", ">", "|", "*",
        ];
        var text = new StringBuilder();
        var count = random.Next(0, maxPieces + 1);
        for (var i = 0; i < count; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }
}
