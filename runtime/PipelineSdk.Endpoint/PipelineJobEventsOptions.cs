namespace PipelineSdk.Endpoint;

/// <summary>Settings of the events endpoint (<see cref="Microsoft.AspNetCore.Builder.PipelineJobEventsEndpointExtensions.MapPipelineJobEvents"/>).</summary>
public sealed class PipelineJobEventsOptions
{
    /// <summary>The default body limit: 1 MiB.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The ids or aliases this endpoint answers to in <c>/actors/v2/{managerId}/messages</c> (the original's
    /// <c>pipelines.job_manager_id</c>); any other id gets 404. At least one is required.
    /// </summary>
    public IList<string> ManagerIds { get; } = new List<string>();

    /// <summary>The nonces accepted as the <c>x-nonce</c> query parameter, with their levels.</summary>
    public IList<EndpointNonce> Nonces { get; } = new List<EndpointNonce>();

    /// <summary>A bearer token accepted in the <c>Authorization</c> header instead of a nonce; null for none.</summary>
    public string? BearerToken { get; set; }

    /// <summary>The largest body accepted, in bytes; larger bodies get 413.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>How many messages one client (remote address) may post per <see cref="RateLimitWindow"/>; 0 turns the limit off.</summary>
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>The fixed window of the rate limit.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The indexer actor <c>index</c> and <c>indexed</c> are forwarded to (<c>pipelines.job_indexer_id</c>); when null
    /// they are applied to the job here.
    /// </summary>
    public string? IndexerId { get; set; }

    /// <summary>The actor that gets state-change notifications (<c>pipelines.events_manager_id</c>); null for none.</summary>
    public string? EventsManagerId { get; set; }

    /// <summary>Notify the events manager before an event with the job's state then (the original's <c>state_enter</c>, default false).</summary>
    public bool StateEnter { get; set; }

    /// <summary>Notify the events manager after an event with the job's new state (the original's <c>state_exit</c>, default true).</summary>
    public bool StateExit { get; set; } = true;

    /// <summary>The value of <c>version</c> in every response.</summary>
    public string Version { get; set; } = "pipelinesdk-" + (typeof(PipelineJobEventsOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>True when <paramref name="managerId"/> is one of <see cref="ManagerIds"/>.</summary>
    public bool IsManager(string managerId) => ManagerIds.Contains(managerId, StringComparer.Ordinal);

    /// <summary>Every problem of the settings, each naming its setting (never a secret's value); empty when they are valid.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (ManagerIds.Count == 0 || ManagerIds.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{nameof(ManagerIds)}: give at least one jobs-manager id (pipelines.job_manager_id), none empty.");
        }

        if (Nonces.Any(n => string.IsNullOrWhiteSpace(n.Value)))
        {
            problems.Add($"{nameof(Nonces)}: a nonce is empty.");
        }

        if (BearerToken is not null && string.IsNullOrWhiteSpace(BearerToken))
        {
            problems.Add($"{nameof(BearerToken)}: is empty; leave it null for none.");
        }

        if (MaxBodyBytes < 1)
        {
            problems.Add($"{nameof(MaxBodyBytes)}: must be at least 1; it is {MaxBodyBytes}.");
        }

        if (RateLimitPermits < 0 || RateLimitWindow <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(RateLimitPermits)}/{nameof(RateLimitWindow)}: permits must be 0 (off) or more and the window positive.");
        }

        return problems;
    }
}
