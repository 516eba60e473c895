using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Agave;
using PipelineSdk.Errors;
using PipelineSdk.Http;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;
using PipelineSdk.Transport;

namespace PipelineSdk.Jobs;

/// <summary>
/// What every job object does (the original's <c>JobManager</c>): holds the job's last stored state and its newest
/// update token, sends events through the transport, deletes and resets with an admin token. The token rotates with
/// every event; this object always keeps and uses the newest, and hands it to the <see cref="IUpdateTokenSink"/>.
/// </summary>
public abstract class JobManager : JobEventSender
{
    private readonly IUpdateTokenSink? _tokenSink;

    /// <summary>Creates the manager over a store and optional collaborators.</summary>
    private protected JobManager(IPipelineJobStore store, PipelineJobServices? services, string loggerCategory)
    {
        ArgumentNullException.ThrowIfNull(store);
        services ??= new PipelineJobServices();
        Store = store;
        Services = services;
        Transport = services.Transport ?? new StoreJobEventTransport(store);
        _tokenSink = services.TokenSink;
        Logger = services.LoggerFactory?.CreateLogger(loggerCategory) ?? NullLogger.Instance;
    }

    /// <summary>The job store.</summary>
    public IPipelineJobStore Store { get; }

    /// <summary>How events reach the job.</summary>
    public IJobEventTransport Transport { get; }

    /// <summary>The job's uuid (prefix 107); null before setup.</summary>
    public string? Uuid { get; private protected set; }

    /// <summary>The job as last read or written by this object; null before setup.</summary>
    public JobSnapshot? Job { get; private set; }

    /// <summary>The job's state as last seen by this object.</summary>
    public JobState? State => Job?.State;

    /// <summary>The job's newest update token (never logged; <see cref="SecretToken.ToString"/> is redacted).</summary>
    public UpdateToken? Token => Job?.UpdateToken;

    /// <summary>The absolute archive path of the job's outputs.</summary>
    public string? ArchivePath { get; private protected set; }

    /// <summary>The Agave storage system of <see cref="ArchivePath"/>.</summary>
    public string ArchiveSystem { get; private protected set; } = "data-sd2e-community";

    /// <summary>The archive as one URI: <c>agave://{archive_system}{archive_path}</c> (the original's <c>archive_uri()</c>).</summary>
    public string? ArchiveUri => ArchivePath is null ? null : "agave://" + ArchiveSystem + ArchivePath;

    /// <summary>True once this object deleted the job (cancel, fail before any event, or delete).</summary>
    public bool IsDeleted { get; private protected set; }

    /// <summary>The collaborators given at construction.</summary>
    private protected PipelineJobServices Services { get; }

    /// <summary>The job's logger.</summary>
    private protected ILogger Logger { get; }

    /// <summary>The Agave files client, if any.</summary>
    private protected AgaveFilesClient? Files => Services.Files;

    /// <summary>
    /// Deletes the job whatever its state (admin token required; the original's <c>delete()</c>).
    /// </summary>
    /// <exception cref="AdminTokenRequiredException">The admin token is not valid.</exception>
    /// <exception cref="UnknownJobException">The job no longer exists.</exception>
    public async Task DeleteAsync(AdminToken adminToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adminToken);
        var uuid = RequireUuid("delete");
        await Store.DeleteAsync(uuid, adminToken, JobDeletion.Hard, cancellationToken).ConfigureAwait(false);
        IsDeleted = true;
        JobLog.Deleted(Logger, uuid);
    }

    /// <summary>
    /// Returns the job to CREATED as the original's <c>reset()</c> does: sends <c>reset</c>, deletes and recreates the
    /// archive path (unless <see cref="ResetOptions.ClearArchivePath"/> is false), then sends <c>ready</c>. The
    /// generated <c>ResetAsync(adminToken, data)</c> sends only the bare <c>reset</c> event and leaves the job in RESET.
    /// </summary>
    /// <param name="adminToken">A valid administrative token.</param>
    /// <param name="options">How to reset; the defaults clear the archive path and raise if that fails.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The job after <c>ready</c> (state CREATED).</returns>
    /// <exception cref="AdminTokenRequiredException">The admin token is not valid; nothing was written.</exception>
    /// <exception cref="PipelineJobException">
    /// The archive path must be cleared but there is no Agave client (nothing was written), or clearing failed (the job
    /// stays in RESET unless <see cref="ResetOptions.Permissive"/>).
    /// </exception>
    public async Task<JobSnapshot> ResetToCreatedAsync(AdminToken adminToken, ResetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adminToken);
        options ??= new ResetOptions();
        var uuid = RequireUuid("reset");
        if (options.ClearArchivePath && Files is null && !options.Permissive)
        {
            throw new PipelineJobException(
                $"Resetting job {uuid} would clear its archive path, but this job object has no Agave files client; give one in PipelineJobServices.Files or set ResetOptions.ClearArchivePath to false.");
        }

        await SendEventAsync(JobEvent.Reset, options.Data, adminToken, cancellationToken).ConfigureAwait(false);
        if (options.ClearArchivePath)
        {
            await ClearArchivePathAsync(uuid, options.Permissive, cancellationToken).ConfigureAwait(false);
        }

        return await SendEventAsync(JobEvent.Ready, null, adminToken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-reads the job from the store (state, history, newest token).</summary>
    /// <exception cref="UnknownJobException">The job no longer exists.</exception>
    public async Task<JobSnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await Store.GetAsync(RequireUuid("refresh"), cancellationToken).ConfigureAwait(false);
        await AdoptAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    /// <inheritdoc />
    protected override async Task<JobSnapshot> SendEventAsync(
        JobEvent jobEvent, JsonObject? data, AdminToken? adminToken, CancellationToken cancellationToken)
    {
        var uuid = RequireUuid(jobEvent.ToWireName());
        var eventName = jobEvent.ToWireName();
        using var activity = PipelineSdkTelemetry.Source.StartActivity("pipelinejob.event", ActivityKind.Client);
        activity?.SetTag("pipelinejob.uuid", uuid);
        activity?.SetTag("pipelinejob.event", eventName);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            SecretToken? token = adminToken is not null ? adminToken : Token;
            var result = await Transport.SendAsync(new JobEventRequest(uuid, jobEvent, data, token), cancellationToken).ConfigureAwait(false);
            // A store answers what the event changed (applied to the job we hold when nothing came in between); the
            // events endpoint answers state only: read the job back then.
            var snapshot = result.Applied is { } applied && Job is { } before && applied.Follows(before)
                ? applied.ApplyTo(before)
                : await Store.GetAsync(uuid, cancellationToken).ConfigureAwait(false);
            await AdoptAsync(snapshot, cancellationToken).ConfigureAwait(false);
            OnEventApplied(jobEvent);
            activity?.SetTag("pipelinejob.state", snapshot.State.ToWireName());
            JobLog.EventSent(Logger, eventName, uuid, snapshot.State.ToWireName());
            return snapshot;
        }
        catch (Exception ex)
        {
            outcome = ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            if (ex is PipelineJobException)
            {
                JobLog.EventRefused(Logger, eventName, uuid, ex.Message);
            }

            throw;
        }
        finally
        {
            var tags = new TagList { { "event", eventName }, { "outcome", outcome } };
            PipelineSdkTelemetry.Events.Add(1, tags);
            PipelineSdkTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>Called after each applied event (the original clears <c>cancelable</c> here).</summary>
    private protected virtual void OnEventApplied(JobEvent jobEvent)
    {
    }

    /// <summary>Keeps <paramref name="snapshot"/> as the job's current record and passes its token to the sink.</summary>
    private protected async Task AdoptAsync(JobSnapshot snapshot, CancellationToken cancellationToken)
    {
        var changed = Job is null || !Job.UpdateToken.Equals(snapshot.UpdateToken);
        Job = snapshot;
        Uuid = snapshot.Uuid;
        ArchivePath = snapshot.ArchivePath;
        ArchiveSystem = snapshot.ArchiveSystem;
        IsDeleted = false;
        if (changed && _tokenSink is not null)
        {
            await _tokenSink.UpdateTokenChangedAsync(snapshot.Uuid, snapshot.UpdateToken, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The uuid, or an error saying the job must be set up before <paramref name="operation"/>.</summary>
    private protected string RequireUuid(string operation) =>
        Uuid ?? throw new PipelineJobException($"Cannot {operation}: the job has no uuid yet; call SetupAsync first.");

    private async Task ClearArchivePathAsync(string uuid, bool permissive, CancellationToken cancellationToken)
    {
        var path = ArchivePath!;
        try
        {
            if (Files is null)
            {
                throw new PipelineJobException("no Agave files client was given.");
            }

            await Files.DeleteAsync(ArchiveSystem, path, cancellationToken).ConfigureAwait(false);
            await Files.MakeDirectoryAsync(ArchiveSystem, path, cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineJobException ex)
        {
            JobLog.ArchiveClearFailed(Logger, uuid, ArchiveSystem, path, ex.Message);
            if (!permissive)
            {
                throw new PipelineJobException($"Job {uuid} is in RESET: clearing its archive path {ArchiveSystem}:{path} failed: {ex.Message}", ex);
            }
        }
    }
}
