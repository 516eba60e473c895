namespace PipelineSdk.Http;

/// <summary>Masks known secret values in text that is about to reach a log line or an exception message.</summary>
internal static class SecretRedaction
{
    public const string Placeholder = Logging.SecretRedactor.Mask;

    /// <summary>Masks every secret in <paramref name="text"/> (the logging redactor's rule: values longer than 4 characters).</summary>
    public static string Mask(string text, IEnumerable<string?> secrets) => new Logging.SecretRedactor(secrets).Redact(text);

    public static string WithoutQuery(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    /// <summary>The values of a URL's query (a callback URL's token and nonce), to mask wherever a server echoes them.</summary>
    public static IEnumerable<string?> QueryValues(string url)
    {
        var queryAt = url.IndexOf('?', StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(queryAt < 0 ? string.Empty : url[queryAt..]);
        return query.AllKeys.Select(key => query[key]);
    }
}
