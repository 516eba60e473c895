using PipelineSdk.Auth;

namespace PipelineSdk.Http;

/// <summary>
/// Settings of the Abaco and Agave clients and of the OAuth handler, set through
/// <see cref="Microsoft.Extensions.DependencyInjection.PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>.
/// </summary>
public sealed class PipelineHttpOptions
{
    /// <summary>The Tapis/Agave API server, e.g. <c>https://api.sd2e.org</c> (<c>pipelines.api_server</c>).</summary>
    public Uri? ApiServer { get; set; }

    /// <summary>
    /// An Abaco nonce for <c>x-nonce</c> authentication of message posts. When set, messages are sent without a
    /// bearer token. Never logged.
    /// </summary>
    public string? Nonce { get; set; }

    /// <summary>
    /// A fixed access token (a deployed actor's <c>_abaco_access_token</c>). When set, the token is used as is and a
    /// rejection raises <see cref="Auth.TokenExpiredException"/>; when not set, <c>~/.agave/current</c> is used and
    /// refreshed. Never logged.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// The folder holding the Agave token cache file <c>current</c>. Default: <c>$TAPIS_CACHE_DIR</c>, else
    /// <c>$AGAVE_CACHE_DIR</c>, else <c>~/.agave</c>.
    /// </summary>
    public string? TokenCacheDirectory { get; set; }

    /// <summary>How long one attempt may take before it counts as failed (and is retried). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request, the first included. Default 6, as the Python SDK's send loop.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first back-off delay; each later one is multiplied by a random factor in [1, 2). Default 1 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay, also the longest Retry-After honoured. Default 32 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>Refresh a refreshable token this long before its known expiry. Default 60 s.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Entries asked for per Agave listing page (<c>limit</c>). Default 100.</summary>
    public int ListingPageSize { get; set; } = 100;

    /// <summary>
    /// The only folders under which the files client may create or delete (strictly below the root). Default
    /// <c>/products/v2</c>; call <c>Clear()</c> first to replace it.
    /// </summary>
    public IList<string> AllowedRoots { get; } = new List<string> { "/products/v2" };
}
