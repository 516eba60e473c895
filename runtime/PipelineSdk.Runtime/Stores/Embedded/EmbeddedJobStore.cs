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
/// locks the file across processes for the transaction, and a lock per file serialises the threads of this process.
/// </summary>
public sealed class EmbeddedJobStore : IPipelineJobStore, ICancellableJobStore, IDisposable
{
    private static readonly ConcurrentDictionary<string, object> FileLocks = new(StringComparer.Ordinal);

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _jobs;
    private readonly ILiteCollection<BsonDocument> _pipelines;
    private readonly object _fileLock;
    private readonly JobStoreCore _core;

    /// <summary>Opens (or creates) the store's file, its folder and its indexes.</summary>
    public EmbeddedJobStore(EmbeddedStoreOptions embedded, JobStoreOptions? options = null, ILogger<EmbeddedJobStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentException.ThrowIfNullOrWhiteSpace(embedded.FilePath);
        var path = Path.GetFullPath(embedded.FilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _fileLock = FileLocks.GetOrAdd(path, _ => new object());
        _database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared });
        _jobs = _database.GetCollection("jobs", BsonAutoId.ObjectId);
        _pipelines = _database.GetCollection("pipelines", BsonAutoId.ObjectId);
        _core = new JobStoreCore(options ?? new JobStoreOptions(), logger ?? NullLogger<EmbeddedJobStore>.Instance);
        lock (_fileLock)
        {
            _jobs.EnsureIndex(JobDocuments.UuidField, unique: true);
            foreach (var field in JobDocuments.IndexedFields)
            {
                // Array fields get a multi-key index (one entry per item), as MongoDB indexes arrays.
                _jobs.EnsureIndex(field, JobDocuments.ArrayFields.Contains(field) ? $"$.{field}[*]" : $"$.{field}");
            }

            _pipelines.EnsureIndex("uuid", unique: true);
        }
    }

    /// <inheritdoc />
    public TokenPolicy TokenPolicy => _core.Options.TokenPolicy;

    /// <inheritdoc />
    public Task<JobSnapshot> CreateAsync(NewJob job, CancellationToken cancellationToken = default) => Run(() =>
    {
        var (uuid, document) = _core.PrepareCreate(job);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_fileLock)
        {
            if (_pipelines.FindOne(Query.EQ("uuid", job.PipelineUuid)) is null)
            {
                throw new UnknownPipelineException(job.PipelineUuid);
            }

            if (_jobs.FindOne(Query.EQ(JobDocuments.UuidField, uuid)) is { } existing)
            {
                StoreLog.AlreadyExists(_core.Logger, uuid);
                return JobDocuments.ToSnapshot(LiteDocuments.FromBson(existing));
            }

            var bson = new BsonDocument { ["_id"] = ObjectId.NewObjectId() };
            foreach (var (name, value) in LiteDocuments.ToBson(document))
            {
                bson[name] = value;
            }

            _jobs.Insert(bson);
        }

        StoreLog.Created(_core.Logger, uuid, job.PipelineUuid);
        return JobDocuments.ToSnapshot(document);
    });

    /// <inheritdoc />
    public Task<JobSnapshot> GetAsync(string jobUuid, CancellationToken cancellationToken = default) => Run(() =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_fileLock)
        {
            var found = _jobs.FindOne(Query.EQ(JobDocuments.UuidField, jobUuid)) ?? throw new UnknownJobException(jobUuid);
            return JobDocuments.ToSnapshot(LiteDocuments.FromBson(found));
        }
    });

    /// <inheritdoc />
    public Task<JobSnapshot> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, SecretToken? token, CancellationToken cancellationToken = default) =>
        Run(() => Apply(jobUuid, jobEvent, data, _core.Guard.Resolve(jobUuid, jobEvent, token), cancellationToken));

    /// <inheritdoc />
    public Task<JobSnapshot> ApplyWithTokenTextAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, string? tokenText, CancellationToken cancellationToken = default) =>
        Run(() => Apply(jobUuid, jobEvent, data, _core.Guard.ResolveText(jobUuid, jobEvent, tokenText), cancellationToken));

    /// <inheritdoc />
    public Task DeleteAsync(string jobUuid, AdminToken? adminToken, JobDeletion deletion, CancellationToken cancellationToken = default) => Run(() =>
    {
        _core.Guard.DemandAdmin(adminToken, "delete");
        cancellationToken.ThrowIfCancellationRequested();
        lock (_fileLock)
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
        }

        StoreLog.Deleted(_core.Logger, jobUuid, deletion);
        return true;
    });

    /// <inheritdoc />
    public Task<bool> CancelAsync(string jobUuid, UpdateToken token, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_fileLock)
        {
            var found = _jobs.FindOne(Query.EQ(JobDocuments.UuidField, jobUuid));
            var document = found is null ? null : LiteDocuments.FromBson(found);
            var guard = document is null ? null : JobDocuments.GuardState(document);
            if (_core.Guard.CheckCancel(jobUuid, guard, document is null ? 0 : JobDocuments.RevisionOf(document), token) is null)
            {
                return false;
            }

            _jobs.Delete(found!["_id"]);
        }

        StoreLog.Deleted(_core.Logger, jobUuid, JobDeletion.Hard);
        return true;
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<JobSnapshot>> QueryAsync(JobQuery query, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
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

        List<BsonDocument> found;
        lock (_fileLock)
        {
            found = conditions.Count == 0 ? _jobs.FindAll().ToList() : _jobs.Find(conditions.Count == 1 ? conditions[0] : Query.And(conditions.ToArray())).ToList();
        }

        IEnumerable<JobSnapshot> jobs = found.Select(d => JobDocuments.ToSnapshot(LiteDocuments.FromBson(d)))
            .OrderBy(j => j.Updated).ThenBy(j => j.Uuid, StringComparer.Ordinal);
        return (IReadOnlyList<JobSnapshot>)(query.Limit is { } limit ? jobs.Take(limit) : jobs).ToList();
    });

    /// <inheritdoc />
    public Task<JsonObject?> FindPipelineAsync(string pipelineUuid, CancellationToken cancellationToken = default) => Run(() =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        BsonDocument? found;
        lock (_fileLock)
        {
            found = _pipelines.FindOne(Query.EQ("uuid", pipelineUuid));
        }

        if (found is null)
        {
            return null;
        }

        found.Remove("_id");
        return (JsonObject?)StoredValues.ToJsonObject(LiteDocuments.FromBson(found));
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<JsonObject>> ListPipelinesAsync(CancellationToken cancellationToken = default) => Run(() =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<BsonDocument> found;
        lock (_fileLock)
        {
            found = _pipelines.FindAll().ToList();
        }

        return (IReadOnlyList<JsonObject>)found
            .Select(document =>
            {
                document.Remove("_id");
                return StoredValues.ToJsonObject(LiteDocuments.FromBson(document));
            })
            .OrderBy(pipeline => (string?)pipeline["uuid"], StringComparer.Ordinal)
            .ToList();
    });

    /// <inheritdoc />
    public Task RegisterPipelineAsync(string pipelineUuid, JsonObject? fields, CancellationToken cancellationToken = default) => Run(() =>
    {
        JobStoreCore.RequireUuid(pipelineUuid, nameof(pipelineUuid));
        cancellationToken.ThrowIfCancellationRequested();
        var document = new BsonDocument { ["uuid"] = pipelineUuid };
        if (fields is not null)
        {
            foreach (var (name, value) in StoredValues.FromJson(fields).Fields.Where(f => f.Key is not ("uuid" or "_id")))
            {
                document[name] = LiteDocuments.ToBson(value);
            }
        }

        lock (_fileLock)
        {
            document["_id"] = _pipelines.FindOne(Query.EQ("uuid", pipelineUuid))?["_id"] ?? ObjectId.NewObjectId();
            _pipelines.Upsert(document);
        }

        return true;
    });

    /// <summary>Closes the file.</summary>
    public void Dispose() => _database.Dispose();

    private JobSnapshot Apply(string jobUuid, JobEvent jobEvent, JsonObject? data, TokenCondition condition, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var plan = _core.Plan(jobEvent, data);
        StoredDocument? document;
        lock (_fileLock)
        {
            _database.BeginTrans();
            try
            {
                var found = _jobs.FindOne(Query.EQ(JobDocuments.UuidField, jobUuid));
                document = found is null ? null : LiteDocuments.FromBson(found);
                _core.Guard.Check(jobUuid, document is null ? null : JobDocuments.GuardState(document), plan, condition);
                JobDocuments.ApplyEvent(document!, plan);
                _jobs.Update(LiteDocuments.ToBson(document!));
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }

        var snapshot = JobDocuments.ToSnapshot(document!);
        StoreLog.Applied(_core.Logger, jobEvent.ToWireName(), jobUuid, snapshot.State.ToWireName(), snapshot.Revision);
        return snapshot;
    }

    /// <summary>Runs LiteDB's synchronous work, reporting its exceptions through the task as async callers expect.</summary>
    private static Task<T> Run<T>(Func<T> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }
}
