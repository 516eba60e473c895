using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Stores;

namespace PipelineSdk.Stores.Internal;

/// <summary>What both stores do the same way around their database calls: options, clock, guard, create inputs.</summary>
internal sealed class JobStoreCore(JobStoreOptions options, ILogger logger)
{
    /// <summary>How many times an event is retried when its update missed only because of a concurrent change.</summary>
    public const int MaxAttempts = 8;

    /// <summary>The store's options.</summary>
    public JobStoreOptions Options { get; } = options;

    /// <summary>The store's logger.</summary>
    public ILogger Logger { get; } = logger;

    /// <summary>The token and state rules.</summary>
    public EventGuard Guard { get; } = new(options, logger);

    /// <summary>Plans an event now.</summary>
    public JobEventPlan Plan(JobEvent jobEvent, System.Text.Json.Nodes.JsonObject? data) =>
        JobEventPlan.For(jobEvent, data, Options.Clock.GetUtcNow());

    /// <summary>Validates a new job and builds its uuid and document (the pipeline check is the caller's).</summary>
    public (string Uuid, StoredDocument Document) PrepareCreate(NewJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        RequireUuid(job.PipelineUuid, nameof(NewJob.PipelineUuid));
        if (!job.ArchivePath.StartsWith('/'))
        {
            throw new PipelineJobValidationException($"{nameof(NewJob.ArchivePath)} must be an absolute path; got '{job.ArchivePath}'.");
        }

        // Refused before the uuid is computed from the data, naming the value that cannot be stored.
        _ = StoredValues.FromJson(job.Data, "data");
        var uuid = JobUuid.Compute(job.PipelineUuid, job.ChildOf.Order(StringComparer.Ordinal).ToList(), job.Data);
        return (uuid, JobDocuments.NewJob(job, uuid, Options.Clock.GetUtcNow(), Options.RecordsSource));
    }

    /// <summary>
    /// The job uuid as stored and looked up (lower-case canonical, see <see cref="TypedUuid.ToCanonical"/>): every
    /// store operation that takes a job uuid starts here, so an upper-case spelling finds the job and its tokens match.
    /// </summary>
    public static string JobKey(string jobUuid)
    {
        ArgumentNullException.ThrowIfNull(jobUuid);
        return TypedUuid.ToCanonical(jobUuid);
    }

    /// <summary>Throws naming the argument when a uuid is missing or malformed.</summary>
    public static void RequireUuid(string? uuid, string argument)
    {
        if (!TypedUuid.IsValid(uuid))
        {
            throw new PipelineJobValidationException($"{argument} must be a typed uuid; got '{uuid}'.");
        }
    }

    /// <summary>The error when an event kept missing its update because the job changed under it each time.</summary>
    public static PipelineJobException Conflict(string jobUuid, JobEvent jobEvent) =>
        new($"Event '{jobEvent.ToWireName()}' on job {jobUuid} conflicted with concurrent changes {MaxAttempts} times; nothing was written. Retry it.");
}
