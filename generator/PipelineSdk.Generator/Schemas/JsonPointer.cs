using System.Text;

namespace PipelineSdk.Generator.Schemas;

/// <summary>RFC 6901 JSON pointer helpers.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Append(string pointer, string segment1, string segment2) =>
        Append(Append(pointer, segment1), segment2);

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>The pointer of a $ref fragment (<c>#/definitions/x</c> → <c>/definitions/x</c>), URL-unescaped.</summary>
    public static string FromFragment(string fragment)
    {
        var pointer = fragment.StartsWith("#", System.StringComparison.Ordinal) ? fragment.Substring(1) : fragment;
        if (pointer.IndexOf('%') < 0)
        {
            return pointer;
        }

        var builder = new StringBuilder(pointer.Length);
        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '%' && i + 2 < pointer.Length && IsHex(pointer[i + 1]) && IsHex(pointer[i + 2]))
            {
                builder.Append((char)System.Convert.ToInt32(pointer.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                builder.Append(pointer[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
