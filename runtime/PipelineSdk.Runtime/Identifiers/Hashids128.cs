using System.Globalization;
using System.Numerics;
using System.Text;
using PipelineSdk.Errors;
using PipelineSdk.Python;

namespace PipelineSdk.Identifiers;

/// <summary>
/// Hashids 1.x (the Python <c>hashids</c> package) for one non-negative integer of any size, with the default
/// alphabet and no minimum length. The NuGet Hashids.net port stops at 64 bits; archive paths hash 128-bit UUIDs.
/// </summary>
public static class Hashids128
{
    /// <summary>The original's default <c>CATALOG_TYPEDUUID_HASHIDS_SALT</c>.</summary>
    public const string DefaultSalt = "xCPJ7PKTdp8BYYb4twh9xNYD";

    private const string DefaultAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890";
    private const string SeparatorCandidates = "cfhistuCFHISTU";

    private static DerivedSalt? _lastSalt;

    /// <summary>The hashid of <paramref name="value"/>: a lottery character, then its digits in a salted alphabet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative (Python returns an empty string).</exception>
    public static string Encode(BigInteger value, string salt = DefaultSalt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentNullException.ThrowIfNull(salt);
        var (saltCodePoints, alphabet) = SaltedAlphabet(salt);

        var lottery = alphabet[(int)(value % 100 % alphabet.Length)];
        alphabet = Reorder(alphabet, LotterySalt(lottery, saltCodePoints, alphabet));

        var digits = new StringBuilder();
        var radix = new BigInteger(alphabet.Length);
        do
        {
            digits.Insert(0, alphabet[(int)(value % radix)]);
            value /= radix;
        }
        while (!value.IsZero);

        return lottery + digits.ToString();
    }

    /// <summary>The hashid of a UUID's 128-bit integer value (Python's <c>uuid.UUID(s).int</c>).</summary>
    /// <exception cref="PipelineJobValidationException">The text is not a UUID.</exception>
    public static string EncodeUuid(string uuid, string salt = DefaultSalt)
    {
        if (!UuidText.TryGetHex(uuid, out var hex))
        {
            throw new PipelineJobValidationException($"'{uuid}' is not a UUID, so it has no hashid.");
        }

        // A leading "0" keeps the hex parser from reading the top bit as a sign.
        return Encode(BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), salt);
    }

    /// <summary>The number a single-number hashid encodes; only ids this class would produce are accepted.</summary>
    /// <exception cref="PipelineJobValidationException">The text is not a hashid of one number under this salt.</exception>
    public static BigInteger Decode(string hashid, string salt = DefaultSalt)
    {
        ArgumentNullException.ThrowIfNull(hashid);
        ArgumentNullException.ThrowIfNull(salt);
        var (saltCodePoints, alphabet) = SaltedAlphabet(salt);
        if (hashid.Length < 2 || alphabet.IndexOf(hashid[0]) < 0)
        {
            throw Invalid();
        }

        alphabet = Reorder(alphabet, LotterySalt(hashid[0], saltCodePoints, alphabet));
        var value = BigInteger.Zero;
        foreach (var c in hashid.AsSpan(1))
        {
            var digit = alphabet.IndexOf(c);
            if (digit < 0)
            {
                throw Invalid();
            }

            value = (value * alphabet.Length) + digit;
        }

        // As the original does: a decoding only counts if encoding it gives the same text (no leading zero digits).
        return Encode(value, salt) == hashid ? value : throw Invalid();

        PipelineJobValidationException Invalid() => new($"'{hashid}' is not a hashid of a single number under the given salt.");
    }

    /// <summary>
    /// The salt's code points and working alphabet. The last salt's are kept: callers use one salt over and over (the
    /// endpoint encodes an execution id per request), and deriving the alphabet costs more than encoding with it.
    /// </summary>
    private static (int[] CodePoints, string Alphabet) SaltedAlphabet(string salt)
    {
        if (_lastSalt is { } last && string.Equals(last.Salt, salt, StringComparison.Ordinal))
        {
            return (last.CodePoints, last.Alphabet);
        }

        var codePoints = CodePoints.Of(salt);
        var derived = new DerivedSalt(salt, codePoints, DeriveAlphabets(codePoints).Alphabet);
        _lastSalt = derived;
        return (derived.CodePoints, derived.Alphabet);
    }

    /// <summary>
    /// The working alphabet, separators and guards for a salt, as the original's constructor derives them. With the
    /// default salt: <c>NrqYVDZAob8ORG4Q325pexvn0P1LBX6gdlzJkyw9EWKj</c>, <c>ICHsUTchftSFiu</c>, <c>mMa7</c>.
    /// </summary>
    internal static (string Alphabet, string Separators, string Guards) DeriveAlphabets(string salt) => DeriveAlphabets(CodePoints.Of(salt));

    private static (string Alphabet, string Separators, string Guards) DeriveAlphabets(int[] salt)
    {
        var separators = string.Concat(SeparatorCandidates.Where(c => DefaultAlphabet.Contains(c)));
        var alphabet = string.Concat(DefaultAlphabet.Distinct().Where(c => !separators.Contains(c)));
        separators = Reorder(separators, salt);

        // ceil(len(alphabet) / 3.5) separators are needed; short ones borrow from the alphabet.
        var missingSeparators = ((alphabet.Length * 2) + 6) / 7 - separators.Length;
        if (missingSeparators > 0)
        {
            separators += alphabet[..missingSeparators];
            alphabet = alphabet[missingSeparators..];
        }

        alphabet = Reorder(alphabet, salt);
        var guardCount = (alphabet.Length + 11) / 12;
        return (alphabet[guardCount..], separators, alphabet[..guardCount]);
    }

    /// <summary>The per-number shuffle salt: <c>(lottery + salt + alphabet)[:len(alphabet)]</c>, in code points.</summary>
    private static int[] LotterySalt(char lottery, int[] salt, string alphabet) =>
        new[] { (int)lottery }.Concat(salt).Concat(alphabet.Select(c => (int)c)).Take(alphabet.Length).ToArray();

    /// <summary>The hashids "consistent shuffle" of <paramref name="text"/> by the code points of <paramref name="salt"/>.</summary>
    private static string Reorder(string text, int[] salt)
    {
        if (salt.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        int index = 0, sum = 0;
        for (var i = chars.Length - 1; i > 0; i--)
        {
            var integer = salt[index];
            sum += integer;
            var j = (integer + index + sum) % i;
            (chars[i], chars[j]) = (chars[j], chars[i]);
            index = (index + 1) % salt.Length;
        }

        return new string(chars);
    }

    /// <summary>A salt with what is derived from it; replaced whole, so readers on other threads see one consistent set.</summary>
    private sealed record DerivedSalt(string Salt, int[] CodePoints, string Alphabet);
}
