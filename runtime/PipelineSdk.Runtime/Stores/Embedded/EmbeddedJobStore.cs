using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Internal;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// The default store when no MongoDB is configured: one LiteDB file holding <c>jobs</c> and <c>pipelines</c> with
/// the same document shape and the same rules as <see cref="Mongo.MongoJobStore"/>. LiteDB has no update operators,
/// so an event is a read, check and write inside one transaction that holds the file's lock: LiteDB's shared mode
/// locks the file across processes for the transaction, and an async gate per file serialises the callers of this
/// process without blocking thread-pool threads while they wait.
/// </summary>
public sealed class EmbeddedJobStore : IPipelineJobStore, ICancellableJobStore, IDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FileGates = new(StringComparer.Ordinal);

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _jobs;
    private readonly ILiteCollection<BsonDocument> _pipelines;
    private readonly SemaphoreSlim _fileGate;
    private readonly JobStoreCore _core;

    /// <summary>Opens (or creates) the store's file, its folder and its indexes.</summary>
    public EmbeddedJobStore(EmbeddedStoreOptions embedded, JobStoreOptions? options = null, ILogger<EmbeddedJobStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentException.ThrowIfNullOrWhiteSpace(embedded.FilePath);
        var path = Path.GetFullPath(embedded.FilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _fileGate = FileGates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        _database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared });
        _jobs = _database.GetCollection("jobs", BsonAutoId.ObjectId);
        _pipelines = _database.GetCollection("pipelines", BsonAutoId.ObjectId);
        _core = new JobStoreCore(options ?? new JobStoreOptions(), logger ?? NullLogger<EmbeddedJobStore>.Instance);
        _fileGate.Wait();
        try
        {
            _jobs.EnsureIndex(JobDocuments.UuidField, unique: true);
            foreach (var field in JobDocuments.IndexedFields)
            {
                // Array fields get a multi-key index (one entry per item), as MongoDB indexes arrays.
                _jobs.EnsureIndex(field, JobDocuments.ArrayFields.Contains(field) ? $"$.{field}[*]" : $"$.{field}");
            }

            _pipelines.EnsureIndex("uuid", unique: true);
        }
        finally
        {
            _fileGate.Release();
        }
    }

    /// <inheritdoc />
    public TokenPolicy TokenPolicy => _core.Options.TokenPolicy;

    /// <inheritdoc />
    public async Task<JobSnapshot> CreateAsync(NewJob job, CancellationToken cancellationToken = default)
    {
        var (uuid, document) = _core.PrepareCreate(job);
        var existing = await LockedAsync($"create job {uuid}", writes: true, () =>
        {
            if (_pipelines.FindOne(Query.EQ("uuid", job.PipelineUuid)) is null)
            {
                throw new UnknownPipelineException(job.PipelineUuid);
            }

            if (_jobs.FindOne(Query.EQ(JobDocuments.UuidField, uuid)) is { } found)
            {
                return found;
            }

            var bson = new BsonDocument { ["_id"] = ObjectId.NewObjectId() };
            foreach (var (name, value) in LiteDocuments.ToBson(document))
            {
                bson[name] = value;
            }

            try
            {
                _jobs.Insert(bson);
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                // Another process created the same job between the read and the insert (the unique index decided).
                return _jobs.FindOne(Query.EQ(JobDocuments.UuidField, uuid));
            }

            return null;
        }, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            StoreLog.AlreadyExists(_core.Logger, uuid);
            return JobDocuments.ToSnapshot(LiteDocuments.FromBson(existing));
        }

        StoreLog.Created(_core.Logger, uuid, job.PipelineUuid);
        return JobDocuments.ToSnapshot(document);
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> GetAsync(string jobUuid, CancellationToken cancellationToken = default)
    {
        jobUuid = JobStoreCore.JobKey(jobUuid);
        var found = await LockedAsync($"read job {jobUuid}", writes: false, () => _jobs.FindOne(Query.EQ(JobDocuments.UuidField, jobUuid)), cancellationToken)
            .ConfigureAwait(false) ?? throw new UnknownJobException(jobUuid);
        return JobDocuments.ToSnapshot(LiteDocuments.FromBson(found));
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, SecretToken? token, CancellationToken cancellationToken = default) =>
        await ApplyAsync(JobStoreCore.JobKey(jobUuid), jobEvent, data, _core.Guard.Resolve(jobUuid, jobEvent, token), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<JobSnapshot> ApplyWithTokenTextAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, string? tokenText, CancellationToken cancellationToken = default) =>
        await ApplyAsync(JobStoreCore.JobKey(jobUuid), jobEvent, data, _core.Guard.ResolveText(jobUuid, jobEvent, tokenText), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DeleteAsync(string jobUuid, AdminToken? adminToken, JobDeletion deletion, CancellationToken cancellationToken = default)
    {
        _core.Guard.DemandAdmin(adminToken, "delete");
        jobUuid = JobStoreCore.JobKey(jobUuid);
        await LockedAsync($"delete job {jobUuid}", writes: true, () =>
        {
            var found = _jobs.FindOne(Query.EQ(JobDocuments.UuidField, jobUuid)) ?? throw new UnknownJobException(jobUuid);
            if (deletion == JobDeletion.Hard)
            {
                _jobs.Delete(found["_id"]);
            }
            else
            {
                found["_visible"] = false;
                found["_properties"]["modified_date"] = StoredValues.ToStoredDate(_core.Options.Clock.GetUtcNow());
                _jobs.Update(found);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        StoreLog.Deleted(_core.Logger, jobUuid, deletion);
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string jobUuid, UpdateToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        jobUuid = JobStoreCore.JobKey(jobUuid);
        var deleted = await LockedAsync($"cancel job {jobUuid}", writes: true, () =>
        {
            var found = _jobs.FindOne(Query.EQ(JobDocuments.UuidField, jobUuid));
            var document = found is null ? null : LiteDocuments.FromBson(found);
            var guard = document is null ? null : JobDocuments.GuardState(document);
            if (_core.Guard.CheckCancel(jobUuid, guard, document is null ? 0 : JobDocuments.RevisionOf(document), token) is null)
            {
                return false;
            }

            _jobs.Delete(found!["_id"]);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            StoreLog.Deleted(_core.Logger, jobUuid, JobDeletion.Hard);
        }

        return deleted;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobSnapshot>> QueryAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var conditions = new List<BsonExpression>();
        if (query.State is { } state)
        {
            conditions.Add(Query.EQ("state", state.ToWireName()));
        }

        if (query.PipelineUuid is { } pipeline)
        {
            conditions.Add(Query.EQ("pipeline_uuid", pipeline));
        }

        if (query.ChildOf is { } childOf)
        {
            conditions.Add(Query.Any().EQ("child_of", childOf));
        }

        if (query.UpdatedFrom is { } from)
        {
            conditions.Add(Query.GTE("updated", StoredValues.ToStoredDate(from)));
        }

        if (query.UpdatedBefore is { } before)
        {
            conditions.Add(Query.LT("updated", before.UtcDateTime));
        }

        if (!query.IncludeHidden)
        {
            conditions.Add(Query.Not("_visible", false));
        }

        var found = await LockedAsync("query jobs", writes: false, () => conditions.Count == 0
            ? _jobs.FindAll().ToList()
            : _jobs.Find(conditions.Count == 1 ? conditions[0] : Query.And(conditions.ToArray())).ToList(), cancellationToken).ConfigureAwait(false);

        IEnumerable<JobSnapshot> jobs = found.Select(d => JobDocuments.ToSnapshot(LiteDocuments.FromBson(d)))
            .OrderBy(j => j.Updated).ThenBy(j => j.Uuid, StringComparer.Ordinal);
        return (query.Limit is { } limit ? jobs.Take(limit) : jobs).ToList();
    }

    /// <inheritdoc />
    public async Task<JsonObject?> FindPipelineAsync(string pipelineUuid, CancellationToken cancellationToken = default)
    {
        var found = await LockedAsync($"read pipeline {pipelineUuid}", writes: false, () => _pipelines.FindOne(Query.EQ("uuid", pipelineUuid)), cancellationToken)
            .ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        found.Remove("_id");
        return StoredValues.ToJsonObject(LiteDocuments.FromBson(found));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonObject>> ListPipelinesAsync(CancellationToken cancellationToken = default)
    {
        var found = await LockedAsync("list pipelines", writes: false, () => _pipelines.FindAll().ToList(), cancellationToken).ConfigureAwait(false);
        return found
            .Select(document =>
            {
                document.Remove("_id");
                return StoredValues.ToJsonObject(LiteDocuments.FromBson(document));
            })
            .OrderBy(pipeline => (string?)pipeline["uuid"], StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task RegisterPipelineAsync(string pipelineUuid, JsonObject? fields, CancellationToken cancellationToken = default)
    {
        JobStoreCore.RequireUuid(pipelineUuid, nameof(pipelineUuid));
        var document = new BsonDocument { ["uuid"] = pipelineUuid };
        if (fields is not null)
        {
            foreach (var (name, value) in StoredValues.FromJson(fields, "pipeline fields").Fields.Where(f => f.Key is not ("uuid" or "_id")))
            {
                document[name] = LiteDocuments.ToBson(value);
            }
        }

        await LockedAsync($"register pipeline {pipelineUuid}", writes: true, () =>
        {
            document["_id"] = _pipelines.FindOne(Query.EQ("uuid", pipelineUuid))?["_id"] ?? ObjectId.NewObjectId();
            try
            {
                return _pipelines.Upsert(document);
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                // Another process registered it between the read and the write: replace that record instead.
                document["_id"] = _pipelines.FindOne(Query.EQ("uuid", pipelineUuid))["_id"];
                return _pipelines.Upsert(document);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _database.Dispose();

    private async Task<JobSnapshot> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, TokenCondition condition, CancellationToken cancellationToken)
    {
        var plan = _core.Plan(jobEvent, data);
        var document = await LockedAsync($"apply '{jobEvent.ToWireName()}' to job {jobUuid}", writes: true, () =>
        {
            _database.BeginTrans();
            try
            {
                var found = _jobs.FindOne(Query.EQ(JobDocuments.UuidField, jobUuid));
                var stored = found is null ? null : LiteDocuments.FromBson(found);
                _core.Guard.Check(jobUuid, stored is null ? null : JobDocuments.GuardState(stored), plan, condition);
                JobDocuments.ApplyEvent(stored!, plan);
                _jobs.Update(LiteDocuments.ToBson(stored!));
                _database.Commit();
                return stored!;
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);

        var snapshot = JobDocuments.ToSnapshot(document);
        StoreLog.Applied(_core.Logger, jobEvent.ToWireName(), jobUuid, snapshot.State.ToWireName(), snapshot.Revision);
        return snapshot;
    }

    /// <summary>
    /// Runs LiteDB's synchronous work once this process's callers before it are done, and is the one place where
    /// LiteDB's lock timeouts and I/O errors become <see cref="PipelineStoreUnavailableException"/>.
    /// </summary>
    private async Task<T> LockedAsync<T>(string operation, bool writes, Func<T> work, CancellationToken cancellationToken)
    {
        await _fileGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is IOException or LiteException { ErrorCode: LiteException.LOCK_TIMEOUT })
        {
            // A lock timeout comes before anything is written; an I/O error may come from the commit itself.
            throw new PipelineStoreUnavailableException("LiteDB", operation, writes && ex is IOException, ex);
        }
        catch (LiteException ex) when (ex.ErrorCode == 0 && ex.Message.StartsWith("Document size exceed", StringComparison.Ordinal))
        {
            // LiteDB's document limit (about 16 MB) has no error code of its own; its message is the sign.
            throw new JobHistoryFullException(operation, "LiteDB", ex);
        }
        finally
        {
            _fileGate.Release();
        }
    }
}
