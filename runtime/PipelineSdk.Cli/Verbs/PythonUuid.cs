using System.Globalization;
using System.Numerics;
using System.Text;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// Reads UUID text exactly as Python's <c>uuid.UUID(hex)</c> does, so the compute verbs accept every spelling the
/// original accepts (<c>{…}</c>, <c>urn:uuid:…</c>, 32 bare digits, hyphens anywhere) and refuse the rest.
/// </summary>
/// <remarks>
/// Python removes every <c>urn:</c>, then every <c>uuid:</c>, strips <c>{</c> and <c>}</c> from both ends, removes every
/// <c>-</c>, demands 32 characters and reads them with <c>int(text, 16)</c>. That last step also takes surrounding
/// white space, a <c>+</c> sign, a <c>0x</c> prefix, single underscores between digits and any Unicode decimal digit.
/// </remarks>
internal static class PythonUuid
{
    /// <summary>The canonical lower-case 8-4-4-4-12 text of <paramref name="text"/>, or false when Python refuses it.</summary>
    public static bool TryCanonical(string text, out string canonical)
    {
        canonical = "";
        if (!TryParse(text, out var value))
        {
            return false;
        }

        var hex = value.ToString("x33", CultureInfo.InvariantCulture)[^32..];
        canonical = $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
        return true;
    }

    /// <summary>The 128-bit integer value (<c>uuid.UUID(text).int</c>), or false when Python refuses the text.</summary>
    public static bool TryParse(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var hex = text.Replace("urn:", "", StringComparison.Ordinal).Replace("uuid:", "", StringComparison.Ordinal)
            .Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        return CodePointCount(hex) == 32 && TryParseHexInt(ToAscii(hex), out value);
    }

    // Python's int() first turns non-ASCII white space into ' ' and Unicode decimal digits into '0'-'9'.
    private static string ToAscii(string text)
    {
        var ascii = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var c = text[i];
            if (c < 0x80)
            {
                ascii.Append(c);
            }
            else if (IsNonAsciiSpace(c))
            {
                ascii.Append(' ');
            }
            else
            {
                var digit = CharUnicodeInfo.GetDecimalDigitValue(text, i);
                ascii.Append(digit >= 0 ? (char)('0' + digit) : '?');
            }
        }

        return ascii.ToString();
    }

    // int(text, 16) on ASCII text: spaces, an optional sign, an optional 0x (then one optional '_'), hex digits with
    // single underscores between them, spaces.
    private static bool TryParseHexInt(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var i = 0;
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] == '+')
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            if (i < text.Length && text[i] == '_')
            {
                i++;
            }
        }

        var digits = 0;
        var afterUnderscore = true;
        for (; i < text.Length && (char.IsAsciiHexDigit(text[i]) || text[i] == '_'); i++)
        {
            if (text[i] == '_')
            {
                if (afterUnderscore)
                {
                    return false;
                }

                afterUnderscore = true;
                continue;
            }

            value = (value << 4) + int.Parse(text.AsSpan(i, 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            digits++;
            afterUnderscore = false;
        }

        if (digits == 0 || afterUnderscore)
        {
            return false;
        }

        SkipSpaces(text, ref i);
        return i == text.Length;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }
    }

    // Python's str.isspace() above U+007F.
    private static bool IsNonAsciiSpace(char c) =>
        c is '\u0085' or '\u00a0' or '\u1680' or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000';

    private static int CodePointCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            count++;
        }

        return count;
    }
}
