using PipelineSdk.Errors;

namespace PipelineSdk.Urls;

/// <summary>The checks and escaping shared by every URL built on the Tapis/Agave API server.</summary>
internal static class ApiUrls
{
    /// <summary>
    /// The API server as given, without trailing slashes, so that appending <c>/actors/v2/…</c> never yields
    /// <c>//</c> (the original's default <c>https://api.sd2e.org/</c> did).
    /// </summary>
    /// <exception cref="PipelineJobValidationException">
    /// The value is not an absolute http(s) URI without query or fragment. The message names <c>api_server</c>
    /// but not the value, which might carry credentials.
    /// </exception>
    public static string BaseOf(string? apiServer)
    {
        if (string.IsNullOrWhiteSpace(apiServer))
        {
            throw new PipelineJobValidationException("api_server is missing or empty; expected an absolute http or https URI such as https://api.sd2e.org.");
        }

        var trimmed = apiServer.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || !trimmed.Contains("://", StringComparison.Ordinal) || uri.Host.Length == 0)
        {
            throw new PipelineJobValidationException("api_server is not an absolute URI; expected an absolute http or https URI such as https://api.sd2e.org.");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new PipelineJobValidationException($"api_server has the scheme '{uri.Scheme}'; expected http or https.");
        }

        if (trimmed.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            throw new PipelineJobValidationException("api_server must not have a query or a fragment; give only the server's base URI.");
        }

        return trimmed.TrimEnd('/');
    }

    /// <summary>
    /// <paramref name="value"/> percent-encoded as one path segment: only RFC 3986 unreserved characters stay as they
    /// are, so <c>/</c>, <c>?</c>, <c>#</c> and <c>&amp;</c> cannot change the path or add parameters.
    /// </summary>
    /// <param name="value">The identifier.</param>
    /// <param name="setting">What the identifier is, for the error message (for example <c>job_manager_id</c>).</param>
    /// <exception cref="PipelineJobValidationException">The value is empty or a dot segment (<c>.</c>, <c>..</c>).</exception>
    public static string Segment(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PipelineJobValidationException($"{setting} is missing or empty.");
        }

        // "." and ".." contain only unreserved characters but would be removed or climb a level when resolved.
        if (value is "." or "..")
        {
            throw new PipelineJobValidationException($"{setting} '{value}' is not an identifier: a dot segment would change the URL's path.");
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary><paramref name="value"/> percent-encoded as a query value (RFC 3986 unreserved characters kept).</summary>
    public static string QueryValue(string value) => Uri.EscapeDataString(value);
}
