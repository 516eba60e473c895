namespace PipelineSdk.Logging;

/// <summary>
/// Replaces every known secret in a text with <c>*****</c>. As in the Python SDKs, only secrets longer than
/// <see cref="MinimumLength"/> characters are redacted, so short common words are left alone.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>Secrets this short or shorter are not redacted (the original's <c>MIN_REDACT_LEN</c>).</summary>
    public const int MinimumLength = 4;

    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "*****";

    /// <summary>A redactor that knows no secrets.</summary>
    public static readonly SecretRedactor None = new([]);

    private readonly string[] _secrets;

    /// <summary>Creates a redactor for <paramref name="secrets"/> (null, empty and short values are skipped).</summary>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets
            .OfType<string>()
            .Where(s => s.Length > MinimumLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>How many secrets are redacted.</summary>
    public int Count => _secrets.Length;

    /// <summary>A redactor that also redacts <paramref name="more"/>.</summary>
    public SecretRedactor With(IEnumerable<string?> more) => new(_secrets.Concat(more));

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
