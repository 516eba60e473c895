using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded (SQLite) job store.</summary>
public static class EmbeddedStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="EmbeddedJobStore"/> as the <see cref="IPipelineJobStore"/>, opened from the
    /// registered <see cref="ReactorSettings"/> (<see cref="EmbeddedJobStores.Open(ReactorSettings, ILoggerFactory?, TimeProvider?)"/>:
    /// the file <c>pipelinesdk.jobs_db</c>) when first resolved and disposed with the container.
    /// </summary>
    /// <exception cref="PipelineSdk.Errors.PipelineJobValidationException">A key is wrong (when first resolved).</exception>
    public static IPipelineJobsBuilder AddEmbeddedStore(this IPipelineJobsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IPipelineJobStore>(provider => EmbeddedJobStores.Open(
            provider.GetRequiredService<ReactorSettings>(), provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>()));
        return builder;
    }
}
