using System.Security.Cryptography;

namespace PipelineSdk.Identifiers;

/// <summary>
/// Random human-readable names such as <c>brisk-otter</c>, the counterpart of the original's petname sessions:
/// adjectives then an animal, each picked uniformly by a cryptographic generator.
/// </summary>
public static class SessionNames
{
    /// <summary>
    /// A name of <paramref name="words"/> words: <c>words - 1</c> adjectives and an animal, joined by
    /// <paramref name="separator"/>. Two words give about 150 × 160 combinations.
    /// </summary>
    public static string Generate(int words = 2, string separator = "-")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        ArgumentNullException.ThrowIfNull(separator);
        var parts = new string[words];
        for (var i = 0; i < words - 1; i++)
        {
            parts[i] = Pick(SessionNameWords.Adjectives);
        }

        parts[^1] = Pick(SessionNameWords.Animals);
        return string.Join(separator, parts);
    }

    private static string Pick(string[] words) => words[RandomNumberGenerator.GetInt32(words.Length)];
}
