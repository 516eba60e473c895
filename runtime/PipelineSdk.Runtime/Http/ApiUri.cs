using System.Text;

namespace PipelineSdk.Http;

/// <summary>
/// Builds request URIs under the API server: each path segment percent-encoded on its own (so an actor id or a file
/// name can never add a segment or a query), no <c>//</c> between the server and the path, query values encoded.
/// </summary>
internal static class ApiUri
{
    public static Uri Build(Uri apiServer, IEnumerable<string> segments, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var uri = new StringBuilder(apiServer.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        foreach (var segment in segments)
        {
            uri.Append('/').Append(Uri.EscapeDataString(segment));
        }

        var separator = '?';
        foreach (var (name, value) in query ?? [])
        {
            uri.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(uri.ToString(), UriKind.Absolute);
    }

    /// <summary>The configured API server, or an error naming the missing setting.</summary>
    public static Uri RequireServer(PipelineHttpOptions options) =>
        options.ApiServer ?? throw new Errors.PipelineJobValidationException(
            "PipelineHttpOptions.ApiServer is not set: the Abaco and Agave clients need the API server (pipelines.api_server).");
}
