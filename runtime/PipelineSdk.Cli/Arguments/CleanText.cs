namespace PipelineSdk.Cli.Arguments;

/// <summary>
/// Text the CLI takes as given: no U+FFFD (what the runtime puts in place of bytes that are not UTF-8, so two different
/// byte strings would read as one value) and no lone UTF-16 surrogate.
/// </summary>
internal static class CleanText
{
    /// <summary>True when <paramref name="text"/> holds neither U+FFFD nor a lone surrogate.</summary>
    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\uFFFD')
            {
                return false;
            }

            if (char.IsSurrogate(text[i]))
            {
                if (!(i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1])))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
