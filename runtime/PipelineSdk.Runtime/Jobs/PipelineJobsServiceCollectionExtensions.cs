using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Http;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs;

/// <summary>Registers the job API with dependency injection.</summary>
public static class PipelineJobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReactorSettings"/> (<paramref name="configuration"/> bound and validated by the generated
    /// <see cref="ReactorSettingsBinder"/>, so the schema's defaults apply), its <see cref="PipelinesSettings"/> and
    /// <see cref="PipelineSdkSettings"/> sections, the SDK's HTTP clients pointed at <c>pipelines.api_server</c>
    /// (<see cref="PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>, unless already registered) and a
    /// singleton <see cref="PipelineJobFactory"/> over the <see cref="IPipelineJobStore"/> registered before, or else the
    /// store the configuration selects (<see cref="JobStoreServiceCollectionExtensions.AddPipelineJobStore"/>). Optional
    /// <see cref="IIdentifierLookup"/>, <see cref="IUpdateTokenSink"/> and <see cref="IJobEventTransport"/>
    /// registrations are picked up.
    /// </summary>
    /// <exception cref="Errors.PipelineJobValidationException">The configuration is malformed (when first resolved); every problem is named by key path.</exception>
    public static IServiceCollection AddPipelineJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => ReactorSettingsBinder.Bind(configuration));
        services.TryAddSingleton(provider => provider.GetRequiredService<ReactorSettings>().Pipelines ?? new PipelinesSettings());
        services.TryAddSingleton(provider => provider.GetRequiredService<ReactorSettings>().Pipelinesdk ?? new PipelineSdkSettings());
        services.AddPipelineJobStore(configuration);
        if (!services.Any(d => d.ServiceType == typeof(AbacoClient)))
        {
            // Bound when the HTTP options are first needed, so a malformed configuration fails at resolution, not here.
            services.AddPipelineSdkHttp(options => options.ApiServer = ApiServer(configuration));
        }

        services.TryAddSingleton(provider => new PipelineJobFactory(
            provider.GetRequiredService<IPipelineJobStore>(),
            provider.GetRequiredService<PipelinesSettings>(),
            provider.GetService<AgaveFilesClient>(),
            provider.GetService<IIdentifierLookup>(),
            provider.GetService<IUpdateTokenSink>(),
            provider.GetService<IJobEventTransport>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<PipelineSdkSettings>()));
        return services;
    }

    private static Uri ApiServer(IConfiguration configuration)
    {
        var text = (ReactorSettingsBinder.Bind(configuration).Pipelines ?? new PipelinesSettings()).ApiServer;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new Errors.PipelineJobValidationException($"pipelines:api_server must be an absolute URL; got '{text}'.");
    }
}
