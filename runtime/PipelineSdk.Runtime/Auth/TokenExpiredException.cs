using System.Net;
using PipelineSdk.Http;

namespace PipelineSdk.Auth;

/// <summary>
/// The API rejected the access token and no new one could be obtained: the token source cannot refresh (a deployed
/// actor's <c>_abaco_access_token</c>, a static token) or the token endpoint refused the refresh token (refresh
/// tokens are single-use). The message says which, never the token itself.
/// </summary>
public sealed class TokenExpiredException : PipelineApiException
{
    /// <inheritdoc cref="PipelineApiException(string, HttpStatusCode?, IReadOnlyDictionary{string, IReadOnlyList{string}}, string, Exception?)" />
    public TokenExpiredException(
        string message,
        HttpStatusCode? statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string responseBody,
        Exception? innerException = null)
        : base(message, statusCode, headers, responseBody, innerException) { }
}
