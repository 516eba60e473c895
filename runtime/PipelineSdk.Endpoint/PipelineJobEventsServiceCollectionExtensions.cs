using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Abaco;
using PipelineSdk.Endpoint;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the events endpoint's services.</summary>
public static class PipelineJobEventsServiceCollectionExtensions
{
    /// <summary>The name of the store's health check (see <see cref="PipelineJobStoreHealthCheck"/>).</summary>
    public const string StoreHealthCheckName = "pipelinejobs-store";

    /// <summary>
    /// Registers the options as <see cref="IOptions{TOptions}"/> of <see cref="PipelineJobEventsOptions"/>, checked
    /// when the host starts (a bad setting stops the start with an <see cref="OptionsValidationException"/> naming
    /// it), the rate limiter, the <see cref="JobEventDispatcher"/>, the request handler, and the store's health check
    /// (<see cref="StoreHealthCheckName"/>). An <see cref="IPipelineJobStore"/> must be registered, and an
    /// <see cref="IActorMessenger"/> (such as <see cref="AbacoActorMessenger"/>) when an indexer or events manager is
    /// configured.
    /// </summary>
    public static IServiceCollection AddPipelineJobEvents(this IServiceCollection services, Action<PipelineJobEventsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PipelineJobEventsOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineJobEventsOptions>, PipelineJobEventsOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ClientRateLimiter(Options(provider)));
        services.TryAddSingleton(provider => new JobEventDispatcher(
            provider.GetRequiredService<IPipelineJobStore>(),
            Options(provider),
            provider.GetService<IActorMessenger>(),
            provider.GetRequiredService<ILogger<JobEventDispatcher>>()));
        services.TryAddSingleton<PipelineJobEventsHandler>();
        services.AddHealthChecks().AddCheck<PipelineJobStoreHealthCheck>(StoreHealthCheckName);
        return services;
    }

    private static PipelineJobEventsOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<PipelineJobEventsOptions>>().Value;
}
