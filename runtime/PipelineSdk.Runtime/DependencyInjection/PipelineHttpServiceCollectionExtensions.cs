using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Abaco;
using PipelineSdk.Agave;
using PipelineSdk.Auth;
using PipelineSdk.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SDK's HTTP clients with <see cref="IHttpClientFactory"/>.</summary>
public static class PipelineHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AbacoClient"/>, <see cref="AgaveFilesClient"/> and <see cref="AgaveJobsClient"/> as typed clients behind
    /// <see cref="OAuthRefreshHandler"/>, their <see cref="PipelineHttpOptions"/>, a <see cref="TimeProvider"/> and an
    /// <see cref="IAccessTokenProvider"/> (unless one is registered already): a <see cref="StaticTokenProvider"/> when
    /// <see cref="PipelineHttpOptions.AccessToken"/> is set, else an <see cref="AgaveCacheTokenProvider"/>.
    /// </summary>
    public static IServiceCollection AddPipelineSdkHttp(this IServiceCollection services, Action<PipelineHttpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PipelineHttpOptions>()
            .Configure(configure)
            .Validate(static o => o.ApiServer is null || o.ApiServer.IsAbsoluteUri && o.ApiServer.Scheme is "http" or "https",
                "PipelineHttpOptions.ApiServer must be an absolute http or https URI.")
            .Validate(static o => o.MaxAttempts >= 1, "PipelineHttpOptions.MaxAttempts must be at least 1.")
            .Validate(static o => o.RequestTimeout > TimeSpan.Zero, "PipelineHttpOptions.RequestTimeout must be positive.")
            .Validate(static o => o.InitialRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.InitialRetryDelay,
                "PipelineHttpOptions.InitialRetryDelay must be non-negative and no more than MaxRetryDelay.")
            .Validate(static o => o.ListingPageSize >= 1, "PipelineHttpOptions.ListingPageSize must be at least 1.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessTokenProvider>(CreateTokenProvider);
        services.TryAddTransient<OAuthRefreshHandler>();

        // Our own loop bounds each attempt (RequestTimeout) and retries; HttpClient's overall timeout would cut it short.
        services.AddHttpClient<AbacoClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<OAuthRefreshHandler>();
        services.AddHttpClient<AgaveFilesClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<OAuthRefreshHandler>();
        services.AddHttpClient<AgaveJobsClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<OAuthRefreshHandler>();
        services.AddHttpClient(AgaveCacheTokenProvider.TokenClientName)
            .ConfigureHttpClient(static (provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptions<PipelineHttpOptions>>().Value.RequestTimeout);
        return services;
    }

    private static IAccessTokenProvider CreateTokenProvider(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<PipelineHttpOptions>>().Value;
        if (!string.IsNullOrEmpty(options.AccessToken))
        {
            return new StaticTokenProvider(new AccessToken(options.AccessToken), "PipelineHttpOptions.AccessToken");
        }

        return new AgaveCacheTokenProvider(
            AgaveCacheTokenProvider.ResolveCacheDirectory(options.TokenCacheDirectory),
            provider.GetRequiredService<IHttpClientFactory>(),
            options.ApiServer,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AgaveCacheTokenProvider>>());
    }
}
