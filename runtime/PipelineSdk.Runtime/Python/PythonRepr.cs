using System.Globalization;
using System.Text;

namespace PipelineSdk.Python;

/// <summary>
/// Python's <c>repr()</c> of strings, lists of strings and string-to-string dicts. Job UUIDs hash <c>repr(child_of)</c>
/// and update tokens hash <c>repr([uuid, _admin])</c>, so this must match Python 3 byte for byte.
/// </summary>
/// <remarks>
/// Printability follows <c>str.isprintable</c>: code points in the Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp and
/// Zs (except the ASCII space) are escaped. .NET's Unicode tables decide the category, so a code point assigned in a
/// newer Unicode version than the Python interpreter knows may be escaped on one side only.
/// </remarks>
internal static class PythonRepr
{
    /// <summary>
    /// <c>repr(s)</c>: single quotes unless the text contains <c>'</c> and no <c>"</c>; <c>\\</c>, <c>\n</c>,
    /// <c>\r</c>, <c>\t</c> and the chosen quote escaped; other non-printables as <c>\xhh</c>, <c>\uhhhh</c> or
    /// <c>\Uhhhhhhhh</c>; printable non-ASCII kept as it is.
    /// </summary>
    public static string Str(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var output = new StringBuilder(s.Length + 2);
        AppendStr(output, s);
        return output.ToString();
    }

    /// <summary><c>repr(list)</c> of strings: <c>['a', 'b']</c>, or <c>[]</c>.</summary>
    public static string List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var output = new StringBuilder("[");
        var index = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentException($"Item [{index}] is null; a Python list of str has no null items.", nameof(items));
            }

            if (index++ > 0)
            {
                output.Append(", ");
            }

            AppendStr(output, item);
        }

        return output.Append(']').ToString();
    }

    /// <summary><c>repr(dict)</c> of string keys and values, in the given (insertion) order: <c>{'k': 'v'}</c>.</summary>
    public static string Dict(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var output = new StringBuilder("{");
        var index = 0;
        foreach (var (key, value) in entries)
        {
            if (key is null || value is null)
            {
                throw new ArgumentException($"Entry [{index}] has a null key or value; a Python dict of str has none.", nameof(entries));
            }

            if (index++ > 0)
            {
                output.Append(", ");
            }

            AppendStr(output, key);
            output.Append(": ");
            AppendStr(output, value);
        }

        return output.Append('}').ToString();
    }

    private static void AppendStr(StringBuilder output, string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        output.Append(quote);
        foreach (var codePoint in CodePoints.Of(s))
        {
            AppendCodePoint(output, codePoint, quote);
        }

        output.Append(quote);
    }

    private static void AppendCodePoint(StringBuilder output, int codePoint, char quote)
    {
        if (codePoint == quote || codePoint == '\\')
        {
            output.Append('\\').Append((char)codePoint);
        }
        else if (codePoint == '\t')
        {
            output.Append("\\t");
        }
        else if (codePoint == '\n')
        {
            output.Append("\\n");
        }
        else if (codePoint == '\r')
        {
            output.Append("\\r");
        }
        else if (codePoint is >= ' ' and < 0x7F || (codePoint > 0x7F && IsPrintable(codePoint)))
        {
            output.Append(char.ConvertFromUtf32(codePoint));
        }
        else if (codePoint <= 0xFF)
        {
            output.Append("\\x").Append(codePoint.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (codePoint <= 0xFFFF)
        {
            output.Append("\\u").Append(codePoint.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            output.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    private static bool IsPrintable(int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
