using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Http;

namespace PipelineSdk.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to each request (except those the clients mark anonymous: nonce-authenticated
/// posts and other hosts). Refreshes before a known expiry, and after a credentials rejection (401, or the Agave APIM
/// codes 900903/900904, or "Invalid Credentials") refreshes once, through the provider's single-flight refresh, and
/// re-sends the request once. The request content is buffered first so it can be re-sent. When the provider cannot
/// refresh (a deployed actor's token) the rejection surfaces as <see cref="TokenExpiredException"/>.
/// </summary>
public sealed class OAuthRefreshHandler : DelegatingHandler
{
    private static readonly string[] RejectionMarkers = ["900903", "900904", "Invalid Credentials"];

    private readonly IAccessTokenProvider _tokens;
    private readonly PipelineHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OAuthRefreshHandler> _logger;

    /// <summary>Creates the handler; registered by <see cref="Microsoft.Extensions.DependencyInjection.PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>.</summary>
    public OAuthRefreshHandler(IAccessTokenProvider tokens, IOptions<PipelineHttpOptions> options, TimeProvider time, ILogger<OAuthRefreshHandler> logger)
    {
        _tokens = tokens;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.IsAnonymous())
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (_tokens.CanRefresh && token.ExpiresAt is { } expiresAt && expiresAt - _time.GetUtcNow() < _options.RefreshBeforeExpiry)
        {
            AuthLog.RefreshingBeforeExpiry(_logger, expiresAt);
            token = await _tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        }

        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await IsCredentialRejectionAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        var endpoint = SecretRedaction.WithoutQuery(request.RequestUri!);
        if (!_tokens.CanRefresh)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new TokenExpiredException(
                    $"{request.Method} {endpoint} rejected the access token ({(int)response.StatusCode} {response.StatusCode}) "
                    + $"and the {_tokens} cannot be refreshed from inside this process.",
                    response.StatusCode,
                    HttpOutcome.CollectHeaders(response),
                    SecretRedaction.Mask(body, [token.Reveal()]));
            }
        }

        AuthLog.CredentialsRejected(_logger, request.Method.Method, endpoint, (int)response.StatusCode);
        response.Dispose();
        var refreshed = await _tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        Authorize(request, refreshed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Authorize(HttpRequestMessage request, AccessToken token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        request.RecordSentCredential(token.Reveal());
    }

    private static async Task<bool> IsCredentialRejectionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return true;
        }

        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Forbidden))
        {
            return false;
        }

        // APIM reports expired or invalid tokens in the body; buffering keeps the body readable for the caller.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return RejectionMarkers.Any(marker => body.Contains(marker, StringComparison.Ordinal));
    }
}
