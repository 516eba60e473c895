using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using PipelineSdk.Auth;
using PipelineSdk.Errors;
using PipelineSdk.Http;

namespace PipelineSdk.Agave;

/// <summary>
/// Local use: the token of the Agave/Tapis CLI cache (<c>current</c> in <c>$TAPIS_CACHE_DIR</c>, else
/// <c>$AGAVE_CACHE_DIR</c>, else <c>~/.agave</c>), refreshed with <c>POST {baseurl}/token</c>
/// (<c>grant_type=refresh_token</c>, <c>scope=PRODUCTION</c>, HTTP Basic with the cache's API key and secret).
/// Refresh tokens are single-use, so the new pair is written back to the file at once, atomically; and before
/// refreshing, the file is read again in case another process already did.
/// </summary>
public sealed class AgaveCacheTokenProvider : IAccessTokenProvider, IDisposable
{
    /// <summary>The name of the plain <see cref="HttpClient"/> (no OAuth handler) used for the token endpoint.</summary>
    public const string TokenClientName = "PipelineSdk.AgaveToken";

    private readonly IHttpClientFactory _httpFactory;
    private readonly Uri? _fallbackApiServer;
    private readonly TimeProvider _time;
    private readonly ILogger<AgaveCacheTokenProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _current;

    /// <summary>Reads <c>current</c> in <paramref name="cacheDirectory"/> on first use.</summary>
    /// <param name="cacheDirectory">The cache folder; see <see cref="ResolveCacheDirectory"/>.</param>
    /// <param name="httpFactory">Supplies the <see cref="TokenClientName"/> client.</param>
    /// <param name="fallbackApiServer">The token endpoint's server when the cache has no <c>baseurl</c>.</param>
    /// <param name="time">The clock for expiry times.</param>
    /// <param name="logger">Logs refreshes (never a token).</param>
    public AgaveCacheTokenProvider(
        string cacheDirectory,
        IHttpClientFactory httpFactory,
        Uri? fallbackApiServer,
        TimeProvider time,
        ILogger<AgaveCacheTokenProvider> logger)
    {
        CacheFile = Path.Combine(cacheDirectory, "current");
        _httpFactory = httpFactory;
        _fallbackApiServer = fallbackApiServer;
        _time = time;
        _logger = logger;
    }

    /// <summary>The cache file this provider reads and writes.</summary>
    public string CacheFile { get; }

    /// <inheritdoc />
    public bool CanRefresh => true;

    /// <summary>
    /// The cache folder: <paramref name="configured"/> if given, else <c>$TAPIS_CACHE_DIR</c>, else
    /// <c>$AGAVE_CACHE_DIR</c>, else <c>~/.agave</c>.
    /// </summary>
    public static string ResolveCacheDirectory(string? configured = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return NonEmpty(configured)
            ?? NonEmpty(environment("TAPIS_CACHE_DIR"))
            ?? NonEmpty(environment("AGAVE_CACHE_DIR"))
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".agave");

        static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _current) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _current ??= AgaveTokenCache.Read(CacheFile).AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<AccessToken> RefreshAsync(AccessToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cache = AgaveTokenCache.Read(CacheFile);
            var onFile = cache.AccessToken;
            if (!onFile.Equals(rejected))
            {
                // Someone (a concurrent caller here, or another process) already replaced it.
                _current = onFile;
                return onFile;
            }

            _current = await RequestNewTokensAsync(cache, cancellationToken).ConfigureAwait(false);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<AccessToken> RequestNewTokensAsync(AgaveTokenCache cache, CancellationToken cancellationToken)
    {
        var (apiKey, apiSecret, refreshToken) = (cache.ApiKey, cache.ApiSecret, cache.RefreshToken);
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(apiSecret) || string.IsNullOrEmpty(refreshToken))
        {
            throw new PipelineJobValidationException(
                $"{CacheFile}: 'apikey', 'apisecret' and 'refresh_token' are all needed to refresh the access token.");
        }

        var server = cache.BaseUrl is { Length: > 0 } baseUrl ? new Uri(baseUrl) : _fallbackApiServer
            ?? throw new PipelineJobValidationException($"{CacheFile}: no 'baseurl', and PipelineHttpOptions.ApiServer is not set.");
        var endpoint = ApiUri.Build(server, ["token"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["scope"] = "PRODUCTION",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{apiKey}:{apiSecret}")));

        var http = _httpFactory.CreateClient(TokenClientName);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            AuthLog.RefreshRefused(_logger, endpoint.ToString(), (int)response.StatusCode);
            throw new TokenExpiredException(
                $"The token endpoint {endpoint} refused to refresh the access token ({(int)response.StatusCode} {response.StatusCode}); "
                + "the refresh token may have been used already (they are single-use). Log in again with the Tapis/Agave CLI.",
                response.StatusCode,
                HttpOutcome.CollectHeaders(response),
                SecretRedaction.Mask(body, [refreshToken, apiSecret]));
        }

        var (accessToken, newRefreshToken, expiresIn) = ReadTokenResponse(body, endpoint);
        var now = _time.GetUtcNow();
        cache.WriteNewTokens(accessToken, newRefreshToken, expiresIn, now);
        var token = new AccessToken(accessToken, now.AddSeconds(expiresIn));
        AuthLog.Refreshed(_logger, cache.Username ?? "(unknown user)", endpoint.ToString(), token.ExpiresAt!.Value, CacheFile);
        return token;
    }

    private static (string AccessToken, string RefreshToken, long ExpiresIn) ReadTokenResponse(string body, Uri endpoint)
    {
        // A successful body holds the new tokens: it must never reach an exception.
        var unreadable = new PipelineApiException(
            $"The token endpoint {endpoint} answered without 'access_token' and 'refresh_token'.",
            System.Net.HttpStatusCode.OK,
            new Dictionary<string, IReadOnlyList<string>>(),
            string.Empty);
        JsonObject? document;
        try
        {
            document = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            throw unreadable;
        }

        var access = document?["access_token"] is JsonValue a && a.TryGetValue<string>(out var at) ? at : null;
        var refresh = document?["refresh_token"] is JsonValue r && r.TryGetValue<string>(out var rt) ? rt : null;
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh))
        {
            throw unreadable;
        }

        var expiresIn = document!["expires_in"] switch
        {
            JsonValue v when v.TryGetValue<long>(out var seconds) => seconds,
            JsonValue v when v.TryGetValue<string>(out var text) && long.TryParse(text, out var parsed) => parsed,
            _ => 3600,
        };
        return (access, refresh, expiresIn);
    }
}
