namespace PipelineSdk.Python;

/// <summary>
/// Orders strings by Unicode code point, as Python's <c>sorted()</c> orders <c>str</c> values. This differs from
/// <see cref="StringComparer.Ordinal"/> (UTF-16 code units) only when a character above U+FFFF meets one in
/// U+E000..U+FFFF. A surrogate that is not part of a pair counts as its own code point, as in Python.
/// </summary>
internal sealed class CodePointComparer : IComparer<string?>
{
    private CodePointComparer()
    {
    }

    /// <summary>The single instance.</summary>
    public static CodePointComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var i = 0;
        while (i < x.Length && i < y.Length)
        {
            var a = CodePoints.At(x, i);
            var b = CodePoints.At(y, i);
            if (a != b)
            {
                return a < b ? -1 : 1;
            }

            i += a > 0xFFFF ? 2 : 1;
        }

        return (x.Length - i).CompareTo(y.Length - i);
    }
}
