using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;

namespace PipelineSdk.Stores;

/// <summary>Registers the job store chosen by configuration with dependency injection.</summary>
public static class JobStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPipelineJobStore"/> as a singleton made by <see cref="PipelineJobStores.Create(ReactorSettings, ILoggerFactory?, TimeProvider?)"/>
    /// from <paramref name="configuration"/> bound by the generated <see cref="ReactorSettingsBinder"/> (so the schema's
    /// defaults apply) when first requested, with the container's <see cref="ILoggerFactory"/> and
    /// <see cref="TimeProvider"/> if registered. The container disposes the store. A store registered before is kept.
    /// </summary>
    /// <exception cref="Errors.PipelineJobValidationException">The configuration is malformed (when first resolved); every problem is named by key path.</exception>
    public static IServiceCollection AddPipelineJobStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(provider => PipelineJobStores.Create(
            ReactorSettingsBinder.Bind(configuration), provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>()));
        return services;
    }
}
