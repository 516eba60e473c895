using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Endpoint;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the events endpoint's services.</summary>
public static class PipelineJobEventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options (validated now), the rate limiter, the <see cref="JobEventDispatcher"/> and the request
    /// handler. An <see cref="IPipelineJobStore"/> must be registered, and an <see cref="IActorMessenger"/> (such as
    /// <see cref="AbacoActorMessenger"/>) when an indexer or events manager is configured.
    /// </summary>
    /// <exception cref="PipelineSdk.Errors.PipelineJobValidationException">A setting is missing or out of range.</exception>
    public static IServiceCollection AddPipelineJobEvents(this IServiceCollection services, Action<PipelineJobEventsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PipelineJobEventsOptions();
        configure(options);
        options.Validate();

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new ClientRateLimiter(options));
        services.AddSingleton(provider => new JobEventDispatcher(
            provider.GetRequiredService<IPipelineJobStore>(),
            options,
            provider.GetService<IActorMessenger>(),
            provider.GetRequiredService<ILogger<JobEventDispatcher>>()));
        services.AddSingleton<PipelineJobEventsHandler>();
        return services;
    }
}
