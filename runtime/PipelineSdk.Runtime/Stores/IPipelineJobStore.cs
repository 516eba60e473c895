using System.Text.Json.Nodes;
using PipelineSdk.Jobs;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores;

/// <summary>
/// Where PipelineJob records live: MongoDB in production (<c>MongoJobStore</c>, package PipelineSdk.Stores.Mongo), one SQLite file for
/// local runs (<c>EmbeddedJobStore</c>, package PipelineSdk.Stores.Embedded). Both keep the Python original's document layout and apply
/// every event as one atomic conditional update. Every error is a <see cref="Errors.PipelineJobException"/>.
/// </summary>
public interface IPipelineJobStore
{
    /// <summary>Whether this store refuses wrong tokens or accepts and logs them.</summary>
    TokenPolicy TokenPolicy { get; }

    /// <summary>
    /// Creates the job if it does not exist yet, with its <c>create</c> history entry. The same inputs give the same
    /// job uuid; when the job exists, the stored record is returned as it is (state, history and current token).
    /// </summary>
    /// <exception cref="Errors.UnknownPipelineException">The pipeline is not registered.</exception>
    Task<JobSnapshot> CreateAsync(NewJob job, CancellationToken cancellationToken = default);

    /// <summary>Reads a job, soft-deleted ones included.</summary>
    /// <exception cref="Errors.UnknownJobException">No job has this uuid.</exception>
    Task<JobSnapshot> GetAsync(string jobUuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies an event in one conditional update: the job must be in one of the event's source states and the token
    /// must be current (or recent, or the callback token for client events, or a valid admin token). The salt rotates,
    /// so the answer carries the next update token. The answer holds only what the event changed (its cost does not
    /// grow with the job's history); <see cref="GetAsync"/> reads the whole job.
    /// </summary>
    /// <param name="jobUuid">The job.</param>
    /// <param name="jobEvent">The event.</param>
    /// <param name="data">The event's payload, stored in the history entry (may be null).</param>
    /// <param name="token">An <see cref="UpdateToken"/>, a <see cref="CallbackToken"/> or an <see cref="AdminToken"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.UnknownJobException">No job has this uuid.</exception>
    /// <exception cref="InvalidTransitionException">The event is not allowed from the job's state; nothing was written.</exception>
    /// <exception cref="Errors.InvalidTokenException">The token does not match the job (Enforce policy); nothing was written.</exception>
    /// <exception cref="Errors.AdminTokenRequiredException">An admin event came without a valid admin token.</exception>
    Task<AppliedJobEvent> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, SecretToken? token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="ApplyAsync"/> for a token that arrived as text (events endpoint, CLI): the job is read once to
    /// find what the text is (an update token of a current or recent salt, the callback token or an admin token).
    /// </summary>
    Task<AppliedJobEvent> ApplyWithTokenTextAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, string? tokenText, CancellationToken cancellationToken = default);

    /// <summary>Deletes a job, removing it (<see cref="JobDeletion.Hard"/>) or hiding it (<see cref="JobDeletion.Soft"/>).</summary>
    /// <exception cref="Errors.AdminTokenRequiredException">The admin token is missing or not valid.</exception>
    /// <exception cref="Errors.UnknownJobException">No job has this uuid.</exception>
    Task DeleteAsync(string jobUuid, AdminToken? adminToken, JobDeletion deletion, CancellationToken cancellationToken = default);

    /// <summary>Lists the jobs that match every given criterion, oldest update first.</summary>
    Task<IReadOnlyList<JobSnapshot>> QueryAsync(JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads a pipeline from the <c>pipelines</c> collection by its <c>uuid</c>; null when it is not registered.</summary>
    Task<JsonObject?> FindPipelineAsync(string pipelineUuid, CancellationToken cancellationToken = default);

    /// <summary>Lists the registered pipelines (their stored fields without the database id), ordered by <c>uuid</c>.</summary>
    Task<IReadOnlyList<JsonObject>> ListPipelinesAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers (or replaces) a pipeline in the <c>pipelines</c> collection under its <c>uuid</c>.</summary>
    /// <param name="pipelineUuid">The pipeline uuid (prefix 106).</param>
    /// <param name="fields">Other fields of the pipeline record, for example its name; may be null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task RegisterPipelineAsync(string pipelineUuid, JsonObject? fields, CancellationToken cancellationToken = default);
}
