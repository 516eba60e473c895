using System.Text;

namespace PipelineSdk.Reactors;

/// <summary>
/// Hashids (the algorithm of the hashids 1.x Python package, default alphabet, no minimum length) with Abaco's salt,
/// for one unsigned 64-bit number: what Abaco and the Python SDKs use for actor, execution and worker ids.
/// </summary>
internal static class AbacoHashids
{
    /// <summary>The salt Abaco uses for its identifiers (Abaco <c>actors/models.py</c> <c>HASH_SALT</c>).</summary>
    public const string Salt = "eJa5wZlEX4eWU";

    private const string DefaultAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890";
    private const string DefaultSeparators = "cfhistuCFHISTU";

    private static readonly string PreparedAlphabet = PrepareAlphabet(Salt);

    /// <summary>Encodes <paramref name="number"/> as an Abaco-style hashid.</summary>
    public static string Encode(ulong number)
    {
        var alphabet = PreparedAlphabet;
        // With a single number the "values hash" is number % 100, which picks the lottery character.
        var lottery = alphabet[(int)(number % 100 % (ulong)alphabet.Length)];
        var shuffleSalt = (lottery + Salt + alphabet)[..alphabet.Length];
        alphabet = Shuffle(alphabet, shuffleSalt);
        return lottery + Hash(number, alphabet);
    }

    private static string PrepareAlphabet(string salt)
    {
        var separators = new string(DefaultSeparators.Where(DefaultAlphabet.Contains).ToArray());
        var alphabet = new string(DefaultAlphabet.Where(c => !separators.Contains(c)).ToArray());

        // When the alphabet is too long for its separators, its first characters become separators.
        var missing = (int)Math.Ceiling(alphabet.Length / 3.5) - separators.Length;
        if (missing > 0)
        {
            alphabet = alphabet[missing..];
        }

        alphabet = Shuffle(alphabet, salt);
        var guardCount = (int)Math.Ceiling(alphabet.Length / 12.0);
        // Guards come off the front of the alphabet (it has well over 3 characters); separators and guards are
        // only written between numbers or for a minimum length, so encoding one number needs neither.
        return alphabet[guardCount..];
    }

    private static string Shuffle(string text, string salt)
    {
        var chars = text.ToCharArray();
        var index = 0;
        var sum = 0;
        for (var i = chars.Length - 1; i > 0; i--)
        {
            int integer = salt[index];
            sum += integer;
            var j = (integer + index + sum) % i;
            (chars[i], chars[j]) = (chars[j], chars[i]);
            index = (index + 1) % salt.Length;
        }

        return new string(chars);
    }

    private static string Hash(ulong number, string alphabet)
    {
        var builder = new StringBuilder();
        var length = (ulong)alphabet.Length;
        do
        {
            builder.Insert(0, alphabet[(int)(number % length)]);
            number /= length;
        }
        while (number != 0);

        return builder.ToString();
    }
}
