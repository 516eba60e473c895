using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Http;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs;

/// <summary>Registers the job API with dependency injection.</summary>
public static class PipelineJobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PipelinesSettings"/> (read from the <c>pipelines</c> section of
    /// <paramref name="configuration"/>), the SDK's HTTP clients pointed at <c>pipelines.api_server</c>
    /// (<see cref="PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>, unless already registered) and a
    /// singleton <see cref="PipelineJobFactory"/>. The factory needs an <see cref="IPipelineJobStore"/>: register one
    /// (for example with the store registration of the stores package) before resolving it. Optional
    /// <see cref="IIdentifierLookup"/>, <see cref="IUpdateTokenSink"/> and <see cref="IJobEventTransport"/>
    /// registrations are picked up.
    /// </summary>
    /// <exception cref="Errors.PipelineJobValidationException">The <c>pipelines</c> section is malformed (when first resolved).</exception>
    public static IServiceCollection AddPipelineJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => PipelinesSettings.FromConfiguration(configuration));
        if (!services.Any(d => d.ServiceType == typeof(AbacoClient)))
        {
            var apiServer = configuration["pipelines:api_server"];
            services.AddPipelineSdkHttp(options =>
            {
                if (Uri.TryCreate(apiServer, UriKind.Absolute, out var uri))
                {
                    options.ApiServer = uri;
                }
            });
        }

        services.TryAddSingleton(provider => new PipelineJobFactory(
            provider.GetService<IPipelineJobStore>()
                ?? throw new InvalidOperationException("PipelineJobFactory needs an IPipelineJobStore: register one (MongoDB or the embedded store) before AddPipelineJobs is used."),
            provider.GetRequiredService<PipelinesSettings>(),
            provider.GetService<AgaveFilesClient>(),
            provider.GetService<IIdentifierLookup>(),
            provider.GetService<IUpdateTokenSink>(),
            provider.GetService<IJobEventTransport>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>()));
        return services;
    }
}
