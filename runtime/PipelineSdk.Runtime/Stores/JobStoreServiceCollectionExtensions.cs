using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace PipelineSdk.Stores;

/// <summary>Registers the job store chosen by configuration with dependency injection.</summary>
public static class JobStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPipelineJobStore"/> as a singleton made by <see cref="PipelineJobStores.Create"/> from
    /// <paramref name="configuration"/> when first requested, with the container's <see cref="ILoggerFactory"/> if
    /// one is registered. The container disposes the store. A store registered before is kept.
    /// </summary>
    public static IServiceCollection AddPipelineJobStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(provider => PipelineJobStores.Create(configuration, provider.GetService<ILoggerFactory>()));
        return services;
    }
}
