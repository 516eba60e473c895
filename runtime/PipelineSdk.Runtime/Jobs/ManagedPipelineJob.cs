using System.Text.Json.Nodes;
using PipelineSdk.Agave;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Stores;
using PipelineSdk.Urls;

namespace PipelineSdk.Jobs;

/// <summary>
/// Creates and manages one PipelineJob, the C# form of the original's <c>ManagedPipelineJob</c>:
/// <see cref="CreateAsync"/> resolves the pipeline, metadata and inputs and computes the archive path;
/// <see cref="SetupAsync"/> creates (or re-opens) the job record; the typed event methods, <see cref="CancelAsync"/>,
/// <see cref="JobManager.ResetToCreatedAsync"/> and <see cref="JobManager.DeleteAsync"/> act on it.
/// </summary>
/// <remarks>
/// Differences from the original, each a product decision: the update token is enforced and rotates with every event,
/// and this object always holds the newest; <see cref="Callback"/> carries the non-rotating callback
/// token; <see cref="CancelAsync"/> works with the job's own token while it is still in CREATED with only
/// its create event; <c>setup</c> of an existing job refreshes state, archive path and token from the
/// stored record, and the callback URL has no <c>//</c> and encoded query values.
/// </remarks>
public class ManagedPipelineJob : JobManager
{
    private readonly JobDefinition _definition;
    private bool _cancelable;

    /// <summary>Creates the job object from its resolved definition.</summary>
    private protected ManagedPipelineJob(IPipelineJobStore store, PipelineJobServices? services, JobDefinition definition)
        : base(store, services, "PipelineSdk.Jobs.ManagedPipelineJob")
    {
        _definition = definition;
        Data = definition.Data;
        ArchivePath = definition.ArchivePath;
        ArchiveSystem = definition.Options.ArchiveSystem;
    }

    /// <summary>The pipeline that generates the job (prefix 106).</summary>
    public string PipelineUuid => _definition.PipelineUuid;

    /// <summary>The job's data: the init data, merged with the data of each <see cref="SetupAsync"/>.</summary>
    public JsonObject Data { get; private set; }

    /// <summary>The metadata the job belongs to (sorted typed UUIDs).</summary>
    public IReadOnlyList<string> ChildOf => _definition.ChildOf;

    /// <summary>The pipeline, as a one-element list.</summary>
    public IReadOnlyList<string> GeneratedBy => [_definition.PipelineUuid];

    /// <summary>The files the job reads (sorted typed UUIDs).</summary>
    public IReadOnlyList<string> ActedOn => _definition.ActedOn;

    /// <summary>The references the job uses (sorted typed UUIDs).</summary>
    public IReadOnlyList<string> ActedUsing => _definition.ActedUsing;

    /// <summary>The canonical URL of the creating actor or app, or null.</summary>
    public string? Agent => _definition.Agent;

    /// <summary>The canonical URL of the execution or Agave job, or null.</summary>
    public string? Task => _definition.Task;

    /// <summary>The correlation string.</summary>
    public string Session => _definition.Session;

    /// <summary>Index requests for raw files.</summary>
    public JsonArray ArchivePatterns => (JsonArray?)_definition.Options.ArchivePatterns?.DeepClone() ?? [];

    /// <summary>Index requests for products.</summary>
    public JsonArray ProductPatterns => (JsonArray?)_definition.Options.ProductPatterns?.DeepClone() ?? [];

    /// <summary>
    /// The callback URL (the original's <c>callback</c>): the jobs-manager's messages URL with the job's callback
    /// token, uuid and session. Null before setup or when <c>pipelines.job_manager_id</c> is not configured. It
    /// carries a secret: never log it.
    /// </summary>
    public string? Callback => Job is null || _definition.Pipelines.JobManagerId is null ? null : CallbackWithStatus(null);

    /// <summary>
    /// Resolves and validates everything a job needs, as the original's constructor: the pipeline (option, else
    /// <c>pipelines.pipeline_uuid</c>; it must be registered), <c>child_of</c> from the first metadata option,
    /// <c>acted_on</c>/<c>acted_using</c> from inputs and data, agent and task URLs, session and archive path.
    /// </summary>
    /// <param name="store">The job store.</param>
    /// <param name="pipelines">The <c>pipelines</c> settings.</param>
    /// <param name="options">The original's keyword arguments.</param>
    /// <param name="services">Agave client, transport, identifier lookup, token sink, logging.</param>
    /// <param name="cancellationToken">Cancels the look-ups.</param>
    /// <exception cref="PipelineJobValidationException">An option is invalid; every problem is named.</exception>
    /// <exception cref="UnknownPipelineException">The pipeline is not registered.</exception>
    public static async Task<ManagedPipelineJob> CreateAsync(
        IPipelineJobStore store,
        PipelinesSettings pipelines,
        ManagedPipelineJobOptions? options = null,
        PipelineJobServices? services = null,
        CancellationToken cancellationToken = default) =>
        new(store, services, await DefineAsync(store, pipelines, options, services, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Creates the job record, or re-opens it when a job with the same pipeline, metadata and data exists (then state,
    /// archive path and token come from the stored record). Creates the archive path through Agave when
    /// <see cref="ManagedPipelineJobOptions.SetupArchivePath"/> is set and an Agave client was given (failures are
    /// logged, as in the original). Idempotent.
    /// </summary>
    /// <param name="data">Data merged over the init data; changes the job uuid but not the archive path.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>This object.</returns>
    /// <exception cref="UnknownPipelineException">The pipeline was removed since <see cref="CreateAsync"/>.</exception>
    public async Task<ManagedPipelineJob> SetupAsync(JsonObject? data = null, CancellationToken cancellationToken = default)
    {
        Data = JsonMerge.Merge(Data, data);
        var snapshot = await Store.CreateAsync(new NewJob
        {
            PipelineUuid = _definition.PipelineUuid,
            ArchivePath = _definition.ArchivePath,
            ArchiveSystem = _definition.Options.ArchiveSystem,
            ArchivePatterns = ArchivePatterns,
            ProductPatterns = ProductPatterns,
            Data = (JsonObject)Data.DeepClone(),
            Session = _definition.Session,
            Agent = _definition.Agent,
            Task = _definition.Task,
            ChildOf = _definition.ChildOf,
            ActedOn = _definition.ActedOn,
            ActedUsing = _definition.ActedUsing,
            Admin = _definition.Admin,
        }, cancellationToken).ConfigureAwait(false);
        await AdoptAsync(snapshot, cancellationToken).ConfigureAwait(false);
        _cancelable = snapshot.State == JobState.Created && snapshot.Revision == 0;
        await MakeArchivePathAsync(snapshot, cancellationToken).ConfigureAwait(false);
        JobLog.SetUp(Logger, snapshot.Uuid, snapshot.State.ToWireName(), ArchiveSystem, ArchivePath!);
        return this;
    }

    /// <summary>
    /// The callback URL with a <c>status</c> parameter, for an Agave notification: a fixed status such as
    /// <c>FINISHED</c>, or <see cref="CallbackUrls.AgaveJobStatusMacro"/>, which Agave fills in.
    /// </summary>
    /// <exception cref="PipelineJobException">The job is not set up or <c>pipelines.job_manager_id</c> is not configured.</exception>
    public string CallbackWithStatus(string? status)
    {
        var uuid = RequireUuid("build a callback URL");
        var managerId = _definition.Pipelines.JobManagerId
            ?? throw new PipelineJobException("Cannot build a callback URL: pipelines.job_manager_id is not configured.");
        return CallbackUrls.Build(_definition.Pipelines.ApiServer, managerId, _definition.Pipelines.JobManagerNonce, Job!.CallbackToken, uuid, Session, status);
    }

    /// <summary>
    /// The Agave job notifications that move this job along (the original's <c>agave_notifications()</c>): RUNNING
    /// (persistent), FINISHED and FAILED, each posting to the callback URL with a <c>status</c>. Put them in the Agave
    /// job definition, e.g. through <see cref="Agave.AgaveJobsClient.SubmitAsync"/>. The URLs carry secrets: never log them.
    /// </summary>
    /// <exception cref="PipelineJobException">The job is not set up or <c>pipelines.job_manager_id</c> is not configured.</exception>
    public IReadOnlyList<AgaveNotification> AgaveNotifications() => AgaveNotification.ForPipelineJob(CallbackWithStatus);

    /// <summary>
    /// Withdraws the job before it has started: deletes the record with the job's own token while the
    /// job is still in CREATED with only its <c>create</c> event.
    /// </summary>
    /// <exception cref="PipelineJobException">The job has received another event: send <c>fail</c> instead.</exception>
    /// <exception cref="UnknownJobException">The job no longer exists.</exception>
    /// <exception cref="InvalidTokenException">This object's token is not the job's (another process changed it).</exception>
    public async System.Threading.Tasks.Task CancelAsync(CancellationToken cancellationToken = default)
    {
        var uuid = RequireUuid("cancel");
        if (!await TryCancelAsync(uuid, cancellationToken).ConfigureAwait(false))
        {
            throw new PipelineJobException($"Cannot cancel job {uuid} once it is running. Send a \"fail\" event instead.");
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>fail</c> sent before any other event cancels the job instead, deleting the record as the original does (the
    /// external process it was handed to may never start); the returned snapshot is then the job as it was, and
    /// <see cref="JobManager.IsDeleted"/> is true.
    /// </remarks>
    protected override async Task<JobSnapshot> SendEventAsync(
        JobEvent jobEvent, JsonObject? data, Tokens.AdminToken? adminToken, CancellationToken cancellationToken)
    {
        if (jobEvent == JobEvent.Fail && _cancelable && Job is { } before
            && await TryCancelAsync(RequireUuid("fail"), cancellationToken).ConfigureAwait(false))
        {
            return before;
        }

        return await base.SendEventAsync(jobEvent, data, adminToken, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    private protected override void OnEventApplied(JobEvent jobEvent) => _cancelable = false;

    private async Task<bool> TryCancelAsync(string uuid, CancellationToken cancellationToken)
    {
        if (Store is not ICancellableJobStore cancellable)
        {
            throw new PipelineJobException($"Cannot cancel job {uuid}: the store {Store.GetType().Name} does not support cancellation; send \"fail\" instead.");
        }

        if (!await cancellable.CancelAsync(uuid, Token!, cancellationToken).ConfigureAwait(false))
        {
            _cancelable = false;
            return false;
        }

        _cancelable = false;
        IsDeleted = true;
        JobLog.Cancelled(Logger, uuid);
        return true;
    }

    private async System.Threading.Tasks.Task MakeArchivePathAsync(JobSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (!_definition.Options.SetupArchivePath || Files is null)
        {
            return;
        }

        try
        {
            await Files.MakeDirectoryAsync(snapshot.ArchiveSystem, snapshot.ArchivePath, cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineJobException ex)
        {
            JobLog.ArchiveSetupFailed(Logger, snapshot.Uuid, snapshot.ArchiveSystem, snapshot.ArchivePath, ex.Message);
        }
    }

    /// <summary>The original's constructor algorithm.</summary>
    private protected static async Task<JobDefinition> DefineAsync(
        IPipelineJobStore store,
        PipelinesSettings pipelines,
        ManagedPipelineJobOptions? options,
        PipelineJobServices? services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipelines);
        options ??= new ManagedPipelineJobOptions();
        services ??= new PipelineJobServices();
        var environment = services.Environment ?? JobEnvironment.Process();
        var logger = services.LoggerFactory?.CreateLogger("PipelineSdk.Jobs.ManagedPipelineJob") ?? (Microsoft.Extensions.Logging.ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        var problems = new List<string>();
        IndexPatterns.Validate(options.ArchivePatterns, "ArchivePatterns", product: false, problems);
        IndexPatterns.Validate(options.ProductPatterns, "ProductPatterns", product: true, problems);
        var pipelineUuid = options.PipelineUuid ?? pipelines.PipelineUuid;
        if (pipelineUuid is null)
        {
            problems.Add("Parameter \"pipeline_uuid\" is required: set ManagedPipelineJobOptions.PipelineUuid or pipelines.pipeline_uuid.");
        }
        else if (!TypedUuid.IsValid(pipelineUuid, UuidType.Pipeline))
        {
            problems.Add($"pipeline_uuid '{pipelineUuid}' is not a pipeline UUID (prefix 106).");
        }

        var inputs = options.Inputs ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                problems.Add($"Inputs[{i}] is null; inputs are file or reference identifiers.");
            }
        }

        var admin = options.Admin ?? JobEnvironment.Admin(services.Settings, environment, problems);
        if (pipelines.JobManagerId is not null)
        {
            // The callback URL is built after setup; refuse settings it cannot be built from before anything is written.
            CollectProblem(problems, () => ApiUrls.BaseOf(pipelines.ApiServer));
            CollectProblem(problems, () => ApiUrls.Segment(pipelines.JobManagerId, "job_manager_id"));
        }

        if (problems.Count > 0)
        {
            throw new PipelineJobValidationException(problems);
        }

        WarnAboutManyPatterns(logger, options);
        if (await store.FindPipelineAsync(pipelineUuid!, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new UnknownPipelineException(pipelineUuid!);
        }

        var data = (JsonObject?)options.Data?.DeepClone() ?? [];
        var resolver = new IdentifierResolver(services.Lookup, logger);
        var childOf = await resolver.ChildOfAsync(options, cancellationToken).ConfigureAwait(false);
        var actedOn = await resolver.InputsAsync(inputs, "Inputs", cancellationToken).ConfigureAwait(false);
        actedOn.UnionWith(await resolver.InputsAsync(DataReferences.Files(data), "Data (files)", cancellationToken).ConfigureAwait(false));
        var actedUsing = await resolver.InputsAsync(DataReferences.References(data), "Data (references)", cancellationToken).ConfigureAwait(false);

        var agentId = options.Agent ?? environment.GetValueOrDefault("_abaco_actor_id");
        var taskId = options.Task ?? environment.GetValueOrDefault("_abaco_execution_id");
        var session = options.Session ?? SessionNames.Generate();
        var clock = services.Clock ?? TimeProvider.System;
        var archivePath = options.ArchivePath
            ?? (options.Instanced
                ? ArchivePaths.Instanced(pipelineUuid!, childOf, data, session, clock.GetUtcNow())
                : ArchivePaths.Default(pipelineUuid!, childOf, data));
        return new JobDefinition(
            pipelines, options, pipelineUuid!, data, childOf, actedOn.ToList(), actedUsing.ToList(),
            Canonical(pipelines.ApiServer, agentId, taskId, out var task), task, session, archivePath, admin);
    }

    private static void CollectProblem(List<string> problems, Func<string> check)
    {
        try
        {
            check();
        }
        catch (PipelineJobValidationException e)
        {
            problems.AddRange(e.Problems);
        }
    }

    private static string? Canonical(string apiServer, string? agentId, string? taskId, out string? task)
    {
        task = null;
        if (string.IsNullOrEmpty(taskId))
        {
            // No task: nothing to canonicalise.
        }
        else if (CanonicalIds.IsAgaveJobId(taskId))
        {
            task = CanonicalIds.Job(apiServer, taskId);
        }
        else if (string.IsNullOrEmpty(agentId))
        {
            throw new PipelineJobValidationException($"task '{taskId}' is an execution id, which needs an agent (the actor id); set Agent too.");
        }
        else
        {
            task = CanonicalIds.Task(apiServer, agentId, taskId);
        }

        return string.IsNullOrEmpty(agentId) ? null : CanonicalIds.Agent(apiServer, agentId);
    }

    private static void WarnAboutManyPatterns(Microsoft.Extensions.Logging.ILogger logger, ManagedPipelineJobOptions options)
    {
        foreach (var (option, requests) in new[] { ("ArchivePatterns", options.ArchivePatterns), ("ProductPatterns", options.ProductPatterns) })
        {
            if (requests?.Count >= IndexPatterns.RecommendedMaximum)
            {
                JobLog.ManyPatterns(logger, option, requests.Count, IndexPatterns.RecommendedMaximum);
            }
        }
    }
}
