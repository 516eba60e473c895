using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSdk.Http;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint;

/// <summary>What <see cref="PipelineJobEventsHost.Build"/> needs: where to listen, the store, and the endpoint's settings.</summary>
public sealed class PipelineJobEventsHostOptions
{
    /// <summary>The URLs Kestrel listens on; a port of 0 picks a free one (read the bound URLs after start).</summary>
    public IList<string> Urls { get; } = new List<string> { "http://127.0.0.1:5080" };

    /// <summary>The job store (owned by the caller).</summary>
    public required IPipelineJobStore Store { get; init; }

    /// <summary>Configures the endpoint (manager ids, nonces, limits, indexer, events manager).</summary>
    public required Action<PipelineJobEventsOptions> ConfigureEvents { get; init; }

    /// <summary>
    /// Configures the Abaco client used to reach the indexer and the events manager; when null no client is
    /// registered (so neither may be configured unless <see cref="ConfigureServices"/> adds a messenger).
    /// </summary>
    public Action<PipelineHttpOptions>? ConfigureHttp { get; init; }

    /// <summary>The nonce to send to each actor (indexer, events manager), by actor id.</summary>
    public IDictionary<string, string> ActorNonces { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Replaces the default logging (console on stderr, ASP.NET Core's own categories at Warning).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Last word on the services, for example a test's fake messenger.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
