namespace PipelineSdk.Http;

/// <summary>Masks known secret values in text that is about to reach a log line or an exception message.</summary>
internal static class SecretRedaction
{
    public const string Placeholder = "*****";

    public static string Mask(string text, IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            // Very short values would mask ordinary words; real tokens and nonces are long.
            if (secret is { Length: >= 4 })
            {
                text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>The URI without query string or fragment: safe to log, since nonces and tokens travel in the query.</summary>
    public static string WithoutQuery(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
