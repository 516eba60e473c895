using PipelineSdk.Tokens;

namespace PipelineSdk.Endpoint;

/// <summary>
/// Decides whether a message post is authenticated: an <c>x-nonce</c> of level EXECUTE or more, or the configured
/// bearer token, as Abaco accepts either. Values are compared in constant time.
/// </summary>
internal static class EndpointAuthenticator
{
    /// <summary>Null when the post may proceed, else the error to answer with (the messages are Abaco's).</summary>
    public static EndpointError? Check(PipelineJobEventsOptions options, string? nonce, string? authorization)
    {
        if (!string.IsNullOrEmpty(nonce))
        {
            var match = options.Nonces.FirstOrDefault(n => TokenComparer.FixedTimeEquals(n.Value, nonce));
            if (match is null)
            {
                return new(EndpointErrorType.Unauthorized, 401, "Nonce does not exist.");
            }

            return match.Level >= NonceLevel.Execute
                ? null
                : new(EndpointErrorType.Unauthorized, 403, "Nonce does not have sufficient permissions level (EXECUTE is needed to post a message).");
        }

        const string scheme = "Bearer ";
        if (authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[scheme.Length..].Trim();
            return options.BearerToken is { } expected && TokenComparer.FixedTimeEquals(expected, token)
                ? null
                : new(EndpointErrorType.Unauthorized, 401, "The bearer token is not valid.");
        }

        return new(EndpointErrorType.Unauthorized, 401, "No JWT or nonce provided.");
    }
}
