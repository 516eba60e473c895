using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Mongo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the MongoDB job store.</summary>
public static class MongoStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="MongoJobStore"/> as the <see cref="IPipelineJobStore"/>, opened from the
    /// registered <see cref="ReactorSettings"/> (<see cref="MongoJobStores.Open(ReactorSettings, ILoggerFactory?, TimeProvider?)"/>)
    /// when first resolved and disposed with the container.
    /// </summary>
    /// <exception cref="PipelineSdk.Errors.PipelineJobValidationException">The configuration has no <c>mongodb</c> section or a key is wrong (when first resolved).</exception>
    public static IPipelineJobsBuilder AddMongoStore(this IPipelineJobsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IPipelineJobStore>(provider => MongoJobStores.Open(
            provider.GetRequiredService<ReactorSettings>(), provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>()));
        return builder;
    }
}
