using PipelineSdk.Errors;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs;

/// <summary>
/// Acts on an existing job by its uuid, the original's <c>ManagedPipelineJobInstance</c>: loads it,
/// sends events with its current update token (admin events need an admin token, which the original did not check),
/// and starts indexing of its archive path.
/// </summary>
/// <remarks>
/// <see cref="IndexArchiveAsync"/> lists the archive path and moves the job to INDEXING (and optionally back to
/// FINISHED). Creating <c>files</c> records for the listed files, as the Python indexer does, is not part of this SDK.
/// There is no cancel: a job in other hands is failed, not withdrawn.
/// </remarks>
public sealed class ManagedPipelineJobInstance : JobManager
{
    private ManagedPipelineJobInstance(IPipelineJobStore store, PipelineJobServices? services)
        : base(store, services, "PipelineSdk.Jobs.ManagedPipelineJobInstance")
    {
    }

    /// <summary>Loads the job <paramref name="uuid"/>.</summary>
    /// <param name="store">The job store.</param>
    /// <param name="uuid">The job's uuid.</param>
    /// <param name="services">Agave client (for listing), transport, token sink, logging.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="UnknownJobException">No job has this uuid.</exception>
    public static async Task<ManagedPipelineJobInstance> OpenAsync(
        IPipelineJobStore store, string uuid, PipelineJobServices? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        var instance = new ManagedPipelineJobInstance(store, services);
        instance.Uuid = uuid;
        await instance.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>
    /// Lists the files below the archive path (recursively, through the Agave files client when one was given), then
    /// sends <c>index</c>, moving the job to INDEXING; with <paramref name="transition"/> also sends <c>indexed</c>,
    /// moving it back to FINISHED (the original's <c>index(transition=...)</c>).
    /// </summary>
    /// <param name="transition">Send <c>indexed</c> after <c>index</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The absolute paths of the files found; empty without an Agave client.</returns>
    /// <exception cref="InvalidTransitionException">The job is not FINISHED or INDEXING.</exception>
    public async Task<IReadOnlyList<string>> IndexArchiveAsync(bool transition = false, CancellationToken cancellationToken = default)
    {
        RequireUuid("index");
        IReadOnlyList<string> files = Files is null
            ? []
            : (await Files.ListAsync(ArchiveSystem, ArchivePath!, recursive: true, cancellationToken).ConfigureAwait(false))
                .Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();
        await HandleAsync(JobEvent.Index, null, null, cancellationToken).ConfigureAwait(false);
        if (transition)
        {
            await HandleAsync(JobEvent.Indexed, null, null, cancellationToken).ConfigureAwait(false);
        }

        return files;
    }
}
