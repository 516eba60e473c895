namespace PipelineSdk.Python;

/// <summary>
/// Reads .NET strings as Python sees a <c>str</c>: a sequence of code points, where a surrogate pair is one code
/// point and a surrogate that is not part of a pair is a code point of its own.
/// </summary>
internal static class CodePoints
{
    /// <summary>The code point that starts at <paramref name="index"/>; it spans two units when above U+FFFF.</summary>
    public static int At(string text, int index)
    {
        var c = text[index];
        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(c, text[index + 1])
            : c;
    }

    /// <summary>All code points of <paramref name="text"/>, in order.</summary>
    public static int[] Of(string text)
    {
        var codePoints = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i += codePoints[^1] > 0xFFFF ? 2 : 1)
        {
            codePoints.Add(At(text, i));
        }

        return codePoints.ToArray();
    }
}
