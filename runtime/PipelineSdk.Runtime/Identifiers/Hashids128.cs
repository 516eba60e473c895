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

    /// <summary>Room for the digits of a 128-bit value: 24 in the 44-character working alphabet.</summary>
    private const int MaxDigits = 32;

    private static DerivedSalt? _lastSalt;

    /// <summary>The hashid of <paramref name="value"/>: a lottery character, then its digits in a salted alphabet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative (Python returns an empty string).</exception>
    public static string Encode(BigInteger value, string salt = DefaultSalt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentNullException.ThrowIfNull(salt);
        var derived = Derived(salt);
        if (value <= UInt128.MaxValue)
        {
            return Encode((UInt128)value, derived);
        }

        var lottery = (int)(value % 100 % derived.Alphabet.Length);
        var alphabet = derived.ShuffledFor(lottery);
        var digits = new StringBuilder();
        var radix = new BigInteger(alphabet.Length);
        do
        {
            digits.Insert(0, alphabet[(int)(value % radix)]);
            value /= radix;
        }
        while (!value.IsZero);

        return derived.Alphabet[lottery] + digits.ToString();
    }

    /// <summary>
    /// The same for a value of at most 128 bits (every UUID, every execution id), in fixed-size arithmetic: the
    /// endpoint encodes one per request.
    /// </summary>
    private static string Encode(UInt128 value, DerivedSalt derived)
    {
        var lottery = (int)(value % 100 % (uint)derived.Alphabet.Length);
        var alphabet = derived.ShuffledFor(lottery);
        var radix = (uint)alphabet.Length;
        Span<char> digits = stackalloc char[MaxDigits + 1];
        var start = digits.Length;
        do
        {
            digits[--start] = alphabet[(int)(value % radix)];
            value /= radix;
        }
        while (value != 0);

        digits[--start] = derived.Alphabet[lottery];
        return new string(digits[start..]);
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
        var derived = Derived(salt);
        var lottery = hashid.Length < 2 ? -1 : derived.Alphabet.IndexOf(hashid[0]);
        if (lottery < 0)
        {
            throw Invalid();
        }

        var alphabet = derived.ShuffledFor(lottery);
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
    /// What is derived from a salt. The last salt's is kept: callers use one salt over and over (the endpoint encodes an
    /// execution id per request), and deriving the alphabet costs more than encoding with it.
    /// </summary>
    private static DerivedSalt Derived(string salt)
    {
        if (_lastSalt is { } last && string.Equals(last.Salt, salt, StringComparison.Ordinal))
        {
            return last;
        }

        var codePoints = CodePoints.Of(salt);
        var derived = new DerivedSalt(salt, codePoints, DeriveAlphabets(codePoints).Alphabet);
        _lastSalt = derived;
        return derived;
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
    private sealed record DerivedSalt(string Salt, int[] CodePoints, string Alphabet)
    {
        private readonly string?[] _shuffled = new string?[Alphabet.Length];

        /// <summary>
        /// The alphabet the digits are written in after the lottery character at <paramref name="lottery"/>, shuffled
        /// once per lottery character (two threads that race here compute the same text).
        /// </summary>
        public string ShuffledFor(int lottery) =>
            _shuffled[lottery] ??= Reorder(Alphabet, LotterySalt(Alphabet[lottery], CodePoints, Alphabet));
    }
}
