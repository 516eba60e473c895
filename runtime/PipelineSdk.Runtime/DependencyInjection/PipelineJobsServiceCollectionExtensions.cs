using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Agave;
using PipelineSdk.Configuration;
using PipelineSdk.Http;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Transport;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the job API with dependency injection.</summary>
public static class PipelineJobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReactorSettings"/> (<paramref name="configuration"/> bound and validated by the generated
    /// <see cref="ReactorSettingsBinder"/>, so the schema's defaults apply), its <see cref="PipelinesSettings"/> and
    /// <see cref="PipelineSdkSettings"/> sections, the SDK's HTTP clients pointed at <c>pipelines.api_server</c>
    /// (<see cref="PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>, unless already registered) and a
    /// singleton <see cref="PipelineJobFactory"/> over the registered <see cref="IPipelineJobStore"/>. Add the store on the
    /// returned builder: <c>AddMongoStore()</c> (package PipelineSdk.Stores.Mongo) or <c>AddEmbeddedStore()</c> (package
    /// PipelineSdk.Stores.Embedded), or register an <see cref="IPipelineJobStore"/> yourself. Optional
    /// <see cref="IIdentifierLookup"/>, <see cref="IUpdateTokenSink"/> and <see cref="IJobEventTransport"/>
    /// registrations are picked up.
    /// </summary>
    /// <returns>A builder on the same service collection, for the store.</returns>
    /// <exception cref="PipelineSdk.Errors.PipelineJobValidationException">The configuration is malformed (when first resolved); every problem is named by key path.</exception>
    public static IPipelineJobsBuilder AddPipelineJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => ReactorSettingsBinder.Bind(configuration));
        services.TryAddSingleton(provider => provider.GetRequiredService<ReactorSettings>().Pipelines ?? new PipelinesSettings());
        services.TryAddSingleton(provider => provider.GetRequiredService<ReactorSettings>().Pipelinesdk ?? new PipelineSdkSettings());
        if (!services.Any(d => d.ServiceType == typeof(AbacoClient)))
        {
            // Bound when the HTTP options are first needed, so a malformed configuration fails at resolution, not here.
            services.AddPipelineSdkHttp(options => options.ApiServer = ApiServer(configuration));
        }

        services.TryAddSingleton(provider => new PipelineJobFactory(
            provider.GetService<IPipelineJobStore>() ?? throw new InvalidOperationException(
                "No PipelineJob store is registered: call AddPipelineJobs(configuration).AddMongoStore() (package PipelineSdk.Stores.Mongo) or .AddEmbeddedStore() (package PipelineSdk.Stores.Embedded), or register an IPipelineJobStore."),
            provider.GetRequiredService<PipelinesSettings>(),
            provider.GetService<AgaveFilesClient>(),
            provider.GetService<IIdentifierLookup>(),
            provider.GetService<IUpdateTokenSink>(),
            provider.GetService<IJobEventTransport>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<PipelineSdkSettings>()));
        return new PipelineJobsBuilder(services);
    }

    private static Uri ApiServer(IConfiguration configuration)
    {
        var text = (ReactorSettingsBinder.Bind(configuration).Pipelines ?? new PipelinesSettings()).ApiServer;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new PipelineSdk.Errors.PipelineJobValidationException($"pipelines:api_server must be an absolute URL; got '{text}'.");
    }
}
