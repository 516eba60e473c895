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
    /// <see cref="PipelineRetryHandler"/> and <see cref="OAuthRefreshHandler"/>, their <see cref="PipelineHttpOptions"/>, a <see cref="TimeProvider"/> and an
    /// <see cref="IAccessTokenProvider"/> (unless one is registered already): a <see cref="StaticTokenProvider"/> when
    /// <see cref="PipelineHttpOptions.AccessToken"/> is set, else an <see cref="AgaveCacheTokenProvider"/>. The options are
    /// checked when the host starts: a setting out of range stops the start with an
    /// <see cref="OptionsValidationException"/> naming it.
    /// </summary>
    public static IServiceCollection AddPipelineSdkHttp(this IServiceCollection services, Action<PipelineHttpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PipelineHttpOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineHttpOptions>, PipelineHttpOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessTokenProvider>(CreateTokenProvider);
        services.TryAddTransient<OAuthRefreshHandler>();

        services.TryAddTransient<PipelineRetryHandler>();

        // The retry handler bounds each attempt (RequestTimeout); HttpClient's overall timeout would cut its retries short.
        // It comes first, so that each attempt passes through the token handler and carries a current token.
        services.AddHttpClient<AbacoClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<PipelineRetryHandler>().AddHttpMessageHandler<OAuthRefreshHandler>();
        services.AddHttpClient<AgaveFilesClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<PipelineRetryHandler>().AddHttpMessageHandler<OAuthRefreshHandler>();
        services.AddHttpClient<AgaveJobsClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<PipelineRetryHandler>().AddHttpMessageHandler<OAuthRefreshHandler>();
        services.AddHttpClient(AgaveCacheTokenProvider.TokenClientName)
            .ConfigureHttpClient(static (provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptions<PipelineHttpOptions>>().Value.RequestTimeout);
        return services;
    }

    /// <summary>
    /// Takes <see cref="PipelineRetryHandler"/> out of this client's pipeline, to put another policy in its place:
    /// <c>services.AddHttpClient&lt;AbacoClient&gt;().RemovePipelineSdkRetries().AddStandardResilienceHandler()</c>, after
    /// <see cref="AddPipelineSdkHttp"/>. The replacement must not re-send a POST the server may have acted on (an
    /// actor message, a job submission): see <see cref="PipelineRetryHandler"/>.
    /// </summary>
    public static IHttpClientBuilder RemovePipelineSdkRetries(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureAdditionalHttpMessageHandlers(static (handlers, _) =>
        {
            foreach (var retry in handlers.OfType<PipelineRetryHandler>().ToList())
            {
                handlers.Remove(retry);
            }
        });
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
