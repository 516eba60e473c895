using Microsoft.Extensions.Logging;

namespace PipelineSdk.Auth;

/// <summary>Log messages of token handling. No value here is ever a token, a secret or a nonce.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(101, LogLevel.Information,
        "Refreshed the access token of {Username} at {TokenEndpoint}; it expires at {ExpiresAt}; saved to {CacheFile}")]
    public static partial void Refreshed(ILogger logger, string username, string tokenEndpoint, DateTimeOffset expiresAt, string cacheFile);

    [LoggerMessage(102, LogLevel.Error, "The token endpoint {TokenEndpoint} refused the refresh with status {StatusCode}")]
    public static partial void RefreshRefused(ILogger logger, string tokenEndpoint, int statusCode);

    [LoggerMessage(103, LogLevel.Information,
        "{Method} {Endpoint}: credentials rejected with {StatusCode}; refreshing the token and retrying once")]
    public static partial void CredentialsRejected(ILogger logger, string method, string endpoint, int statusCode);

    [LoggerMessage(104, LogLevel.Information, "The access token expires at {ExpiresAt}; refreshing it before use")]
    public static partial void RefreshingBeforeExpiry(ILogger logger, DateTimeOffset expiresAt);
}
