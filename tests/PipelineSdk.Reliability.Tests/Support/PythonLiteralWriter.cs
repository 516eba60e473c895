using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>
/// Writes a JSON value as Python literal text the way <c>str()</c> of a dict could print it, with random choices the
/// grammar allows (quote style, tuples for lists, escapes for any character, spacing), written here from the Python
/// language reference independently of the parser under test.
/// </summary>
public static class PythonLiteralWriter
{
    public static string Write(JsonElement value, Random random)
    {
        var output = new StringBuilder();
        WriteValue(output, value, random);
        return output.ToString();
    }

    private static void WriteValue(StringBuilder output, JsonElement value, Random random)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    output.Append(first ? "" : Separator(random));
                    first = false;
                    WriteString(output, property.Name, random);
                    output.Append(random.Next(2) == 0 ? ": " : ":");
                    WriteValue(output, property.Value, random);
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                var tuple = random.Next(3) == 0;
                output.Append(tuple ? '(' : '[');
                var count = 0;
                foreach (var item in value.EnumerateArray())
                {
                    output.Append(count == 0 ? "" : Separator(random));
                    WriteValue(output, item, random);
                    count++;
                }

                // A one-item tuple needs its comma; any list or tuple may end with one.
                if ((tuple && count == 1) || (count > 0 && random.Next(4) == 0))
                {
                    output.Append(',');
                }

                output.Append(tuple ? ')' : ']');
                break;
            case JsonValueKind.String:
                WriteString(output, value.GetString()!, random);
                break;
            case JsonValueKind.Number:
                output.Append(value.GetRawText());
                break;
            case JsonValueKind.True:
                output.Append("True");
                break;
            case JsonValueKind.False:
                output.Append("False");
                break;
            default:
                output.Append("None");
                break;
        }
    }

    private static string Separator(Random random) => random.Next(3) switch { 0 => ",", 1 => ", ", _ => " ,\t" };

    private static void WriteString(StringBuilder output, string text, Random random)
    {
        var quote = random.Next(2) == 0 ? '\'' : '"';
        output.Append(quote);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var codePoint = char.IsHighSurrogate(c) && i + 1 < text.Length ? char.ConvertToUtf32(c, text[++i]) : c;
            if (codePoint == quote || codePoint == '\\')
            {
                output.Append('\\').Append((char)codePoint);
            }
            else if (codePoint < 0x20 || codePoint == 0x7F || random.Next(8) == 0)
            {
                // Any character may be written as an escape; controls must be.
                output.Append(codePoint switch
                {
                    < 0x100 when random.Next(2) == 0 => "\\x" + codePoint.ToString("x2", CultureInfo.InvariantCulture),
                    < 0x10000 => "\\u" + codePoint.ToString("X4", CultureInfo.InvariantCulture),
                    _ => "\\U" + codePoint.ToString("x8", CultureInfo.InvariantCulture),
                });
            }
            else
            {
                output.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        output.Append(quote);
    }
}
