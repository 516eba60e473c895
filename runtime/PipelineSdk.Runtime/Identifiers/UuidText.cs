using System.Diagnostics.CodeAnalysis;

namespace PipelineSdk.Identifiers;

/// <summary>
/// Reads UUID text in the two forms the SDK accepts: canonical <c>8-4-4-4-12</c> and 32 bare hex digits, any case.
/// Python's <c>uuid.UUID</c> also takes braces, <c>urn:uuid:</c>, hyphens anywhere, a sign and underscores; a typed
/// UUID cannot start with braces or a URN (its first three characters must be the type prefix), and the other
/// oddities are refused here on purpose.
/// </summary>
internal static class UuidText
{
    /// <summary>The 32 hex digits of <paramref name="value"/>, lower case, or false when it is not UUID text.</summary>
    public static bool TryGetHex([NotNullWhen(true)] string? value, out string hex)
    {
        hex = string.Empty;
        if (value is null)
        {
            return false;
        }

        Span<char> digits = stackalloc char[32];
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var hyphenExpected = value.Length == 36 && i is 8 or 13 or 18 or 23;
            if (hyphenExpected)
            {
                if (c != '-')
                {
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiHexDigit(c) || count == 32)
            {
                return false;
            }

            digits[count++] = char.ToLowerInvariant(c);
        }

        if (count != 32 || value.Length is not (32 or 36))
        {
            return false;
        }

        hex = new string(digits);
        return true;
    }
}
