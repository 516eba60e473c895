using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Internal;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Mongo;

/// <summary>
/// The production store: the <c>jobs</c> and <c>pipelines</c> collections of a MongoDB database, with documents laid
/// out exactly as the Python original writes them, so Python and C# clients can work on the same jobs. Every event is
/// one <c>findOneAndUpdate</c> whose filter holds the allowed states and the token's salt.
/// </summary>
/// <remarks>
/// A store opened from <see cref="MongoStoreSettings"/> owns the client it connects with and disposes it with itself; a
/// store opened on a given database leaves that database's client to its owner.
/// </remarks>
public sealed class MongoJobStore : IPipelineJobStore, ICancellableJobStore, IAsyncDisposable, IDisposable
{
    // An event's answer: the fields it changed and the tokens need, never the history (its cost grows with the job).
    private static readonly FindOneAndUpdateOptions<BsonDocument> ReturnAfter = new()
    {
        ReturnDocument = ReturnDocument.After,
        Projection = Builders<BsonDocument>.Projection
            .Include(JobDocuments.UuidField).Include("state").Include("_properties.revision").Include("_salt").Include("_callback_salt").Include("_admin"),
    };

    private static readonly ProjectionDefinition<BsonDocument> GuardFields = Builders<BsonDocument>.Projection
        .Include("state").Include("_salt").Include("_recent_salts").Include("_callback_salt").Include("_admin").Include(JobDocuments.VisibleField);

    private static readonly ProjectionDefinition<BsonDocument> CancelFields = Builders<BsonDocument>.Projection
        .Include("state").Include("_salt").Include("_recent_salts").Include("_callback_salt").Include("_admin").Include("_properties.revision");

    private static readonly BsonDocument PingCommand = new("ping", 1);

    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<BsonDocument> _jobs;
    private readonly IMongoCollection<BsonDocument> _pipelines;
    private readonly JobStoreCore _core;
    private readonly string _servers;
    private readonly IDisposable? _ownedClient;
    private Task? _indexes;

    /// <summary>Opens the store on a database (the collections are <c>jobs</c> and <c>pipelines</c>).</summary>
    public MongoJobStore(IMongoDatabase database, JobStoreOptions? options = null, ILogger<MongoJobStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _jobs = database.GetCollection<BsonDocument>("jobs");
        _pipelines = database.GetCollection<BsonDocument>("pipelines");
        _core = new JobStoreCore(options ?? new JobStoreOptions(), logger ?? NullLogger<MongoJobStore>.Instance);
        // Host and port only (never credentials), so an unavailable store names where it was looked for.
        _servers = string.Join(",", database.Client.Settings.Servers.Select(server => server.ToString()));
    }

    /// <summary>
    /// Connects with the given settings and opens the store on their database. Server selection and connecting may
    /// take <see cref="JobStoreOptions.Timeout"/> before an operation fails with <see cref="PipelineStoreUnavailableException"/>.
    /// </summary>
    /// <exception cref="PipelineJobValidationException">The settings do not describe a connection (names the setting, never a secret).</exception>
    public MongoJobStore(MongoStoreSettings settings, JobStoreOptions? options = null, ILogger<MongoJobStore>? logger = null)
        : this(Connect(settings, options ?? new JobStoreOptions()), options, logger)
    {
        _ownedClient = _database.Client as IDisposable;
    }

    /// <inheritdoc />
    public TokenPolicy TokenPolicy => _core.Options.TokenPolicy;

    /// <summary>Disposes the client this store created (see the remarks); a given database's client stays open.</summary>
    public void Dispose() => _ownedClient?.Dispose();

    /// <summary>Like <see cref="Dispose"/>; the driver's client closes its connections synchronously.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        CallAsync("ping", writes: false, () => _database.RunCommandAsync<BsonDocument>(PingCommand, cancellationToken: cancellationToken));

    /// <summary>
    /// Creates the original's indexes if they are missing: unique and sparse on <c>uuid</c>, ascending on
    /// <c>child_of</c>, <c>acted_on</c>, <c>acted_using</c>, <c>generated_by</c>, <c>archive_path</c> and
    /// <c>pipeline_uuid</c>. Idempotent; every operation runs it once first.
    /// </summary>
    public Task EnsureIndexesAsync(CancellationToken cancellationToken = default)
    {
        var indexes = _indexes ??= CreateIndexesAsync();
        if (indexes.IsFaulted || indexes.IsCanceled)
        {
            _indexes = null;
        }

        return indexes.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> CreateAsync(NewJob job, CancellationToken cancellationToken = default)
    {
        var (uuid, document) = _core.PrepareCreate(job);
        return await CallAsync($"create job {uuid}", writes: true, () => CreateAsync(job, uuid, document, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<JobSnapshot> GetAsync(string jobUuid, CancellationToken cancellationToken = default) =>
        GetKeyedAsync(JobStoreCore.JobKey(jobUuid), cancellationToken);

    private Task<JobSnapshot> GetKeyedAsync(string jobUuid, CancellationToken cancellationToken) =>
        CallAsync($"read job {jobUuid}", writes: false, async () =>
            await FindAsync(jobUuid, cancellationToken).ConfigureAwait(false) ?? throw new UnknownJobException(jobUuid));

    /// <inheritdoc />
    public Task<AppliedJobEvent> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, SecretToken? token, CancellationToken cancellationToken = default) =>
        CallAsync(ApplyOperation(jobUuid, jobEvent), writes: true, () =>
            ApplyAsync(JobStoreCore.JobKey(jobUuid), jobEvent, data, _core.Guard.Resolve(jobUuid, jobEvent, token), cancellationToken));

    /// <inheritdoc />
    public Task<AppliedJobEvent> ApplyWithTokenTextAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, string? tokenText, CancellationToken cancellationToken = default) =>
        CallAsync(ApplyOperation(jobUuid, jobEvent), writes: true, () =>
        {
            var key = JobStoreCore.JobKey(jobUuid);
            return ApplyAsync(key, jobEvent, data, _core.Guard.ResolveText(key, jobEvent, tokenText), cancellationToken);
        });

    /// <inheritdoc />
    public Task DeleteAsync(string jobUuid, AdminToken? adminToken, JobDeletion deletion, CancellationToken cancellationToken = default) =>
        CallAsync($"delete job {jobUuid}", writes: true, async () =>
    {
        _core.Guard.DemandAdmin(adminToken, "delete");
        jobUuid = JobStoreCore.JobKey(jobUuid);
        var filter = new BsonDocument(JobDocuments.UuidField, jobUuid);
        long matched;
        if (deletion == JobDeletion.Hard)
        {
            matched = (await _jobs.DeleteOneAsync(filter, cancellationToken).ConfigureAwait(false)).DeletedCount;
        }
        else
        {
            var now = StoredValues.ToStoredDate(_core.Options.Clock.GetUtcNow());
            var hide = new BsonDocument("$set", new BsonDocument { { JobDocuments.VisibleField, false }, { "_properties.modified_date", now } });
            matched = (await _jobs.UpdateOneAsync(filter, hide, cancellationToken: cancellationToken).ConfigureAwait(false)).MatchedCount;
        }

        if (matched == 0)
        {
            throw new UnknownJobException(jobUuid);
        }

        StoreLog.Deleted(_core.Logger, jobUuid, deletion);
        return true;
    });

    /// <inheritdoc />
    public Task<bool> CancelAsync(string jobUuid, UpdateToken token, CancellationToken cancellationToken = default) =>
        CallAsync($"cancel job {jobUuid}", writes: true, async () =>
    {
        ArgumentNullException.ThrowIfNull(token);
        jobUuid = JobStoreCore.JobKey(jobUuid);
        await EnsureIndexesAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= JobStoreCore.MaxAttempts; attempt++)
        {
            var found = await _jobs.Find(new BsonDocument(JobDocuments.UuidField, jobUuid)).Project(CancelFields)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var document = found is null ? null : MongoDocuments.FromBson(found);
            var guard = document is null ? null : JobDocuments.GuardState(document);
            if (_core.Guard.CheckCancel(jobUuid, guard, document is null ? 0 : JobDocuments.RevisionOf(document), token) is not { } condition)
            {
                return false;
            }

            // The same facts as the decision, in the delete's filter: a concurrent event makes it miss, and we decide again.
            var filter = new BsonDocument
            {
                { JobDocuments.UuidField, jobUuid },
                { "state", JobState.Created.ToWireName() },
                { "_properties.revision", 0 },
            };
            if (condition.Kind == TokenConditionKind.UpdateSalt)
            {
                filter.Add("$or", new BsonArray { new BsonDocument("_salt", condition.Secret), new BsonDocument("_recent_salts", condition.Secret) });
            }

            if ((await _jobs.DeleteOneAsync(filter, cancellationToken).ConfigureAwait(false)).DeletedCount == 1)
            {
                StoreLog.Deleted(_core.Logger, jobUuid, JobDeletion.Hard);
                return true;
            }

            StoreLog.Retrying(_core.Logger, "cancel", jobUuid);
        }

        throw new PipelineJobException($"Cancelling job {jobUuid} conflicted with concurrent changes {JobStoreCore.MaxAttempts} times; nothing was deleted. Retry it.");
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<JobSnapshot>> QueryAsync(JobQuery query, CancellationToken cancellationToken = default) =>
        CallAsync("query jobs", writes: false, async () =>
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new BsonDocument();
        AddIfGiven(filter, "state", query.State?.ToWireName());
        AddIfGiven(filter, "pipeline_uuid", query.PipelineUuid);
        AddIfGiven(filter, "child_of", query.ChildOf);
        var updated = new BsonDocument();
        AddIfGiven(updated, "$gte", query.UpdatedFrom is { } from ? StoredValues.ToStoredDate(from) : null);
        AddIfGiven(updated, "$lt", query.UpdatedBefore is { } before ? before.UtcDateTime : null);
        if (updated.ElementCount > 0)
        {
            filter.Add("updated", updated);
        }

        if (!query.IncludeHidden)
        {
            filter.Add(JobDocuments.VisibleField, new BsonDocument("$ne", false));
        }

        var found = await _jobs.Find(filter)
            .Sort(new BsonDocument { { "updated", 1 }, { JobDocuments.UuidField, 1 } })
            .Limit(query.Limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<JobSnapshot>)found.Select(d => JobDocuments.ToSnapshot(MongoDocuments.FromBson(d))).ToList();
    });

    /// <inheritdoc />
    public Task<JsonObject?> FindPipelineAsync(string pipelineUuid, CancellationToken cancellationToken = default) =>
        CallAsync($"read pipeline {pipelineUuid}", writes: false, async () =>
    {
        var found = await _pipelines.Find(new BsonDocument("uuid", pipelineUuid))
            .Project(Builders<BsonDocument>.Projection.Exclude("_id"))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null ? null : StoredValues.ToJsonObject(MongoDocuments.FromBson(found));
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<JsonObject>> ListPipelinesAsync(CancellationToken cancellationToken = default) =>
        CallAsync("list pipelines", writes: false, async () =>
    {
        var found = await _pipelines.Find(FilterDefinition<BsonDocument>.Empty)
            .Project(Builders<BsonDocument>.Projection.Exclude("_id"))
            .Sort(new BsonDocument("uuid", 1))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<JsonObject>)found.Select(d => StoredValues.ToJsonObject(MongoDocuments.FromBson(d))).ToList();
    });

    /// <inheritdoc />
    public Task RegisterPipelineAsync(string pipelineUuid, JsonObject? fields, CancellationToken cancellationToken = default) =>
        CallAsync($"register pipeline {pipelineUuid}", writes: true, async () =>
    {
        JobStoreCore.RequireUuid(pipelineUuid, nameof(pipelineUuid));
        var document = new BsonDocument("uuid", pipelineUuid);
        if (fields is not null)
        {
            foreach (var (name, value) in StoredValues.FromJson(fields, "pipeline fields").Fields.Where(f => f.Key is not ("uuid" or "_id")))
            {
                document.Add(name, MongoDocuments.ToBson(value));
            }
        }

        await _pipelines.ReplaceOneAsync(new BsonDocument("uuid", pipelineUuid), document, new ReplaceOptions { IsUpsert = true }, cancellationToken)
            .ConfigureAwait(false);
        return true;
    });

    private async Task<JobSnapshot> CreateAsync(NewJob job, string uuid, StoredDocument document, CancellationToken cancellationToken)
    {
        await RequirePipelineAsync(job.PipelineUuid, cancellationToken).ConfigureAwait(false);
        if (await FindAsync(uuid, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            StoreLog.AlreadyExists(_core.Logger, uuid);
            return existing;
        }

        var bson = new BsonDocument("_id", new ObjectId(JobDocuments.DocumentId(uuid))).AddRange(MongoDocuments.ToBson(document));
        try
        {
            await _jobs.InsertOneAsync(bson, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Another writer created the same job between the read and the insert (the _id or the uuid index decided).
            StoreLog.AlreadyExists(_core.Logger, uuid);
            return await GetKeyedAsync(uuid, cancellationToken).ConfigureAwait(false);
        }

        StoreLog.Created(_core.Logger, uuid, job.PipelineUuid);
        return JobDocuments.ToSnapshot(document);
    }

    private async Task<AppliedJobEvent> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, TokenCondition condition, CancellationToken cancellationToken)
    {
        await EnsureIndexesAsync(cancellationToken).ConfigureAwait(false);
        var plan = _core.Plan(jobEvent, data);
        if (condition.Kind == TokenConditionKind.Lookup)
        {
            condition = _core.Guard.Check(jobUuid, await ReadGuardStateAsync(jobUuid, cancellationToken).ConfigureAwait(false), plan, condition);
        }

        var update = Update(plan);
        for (var attempt = 1; attempt <= JobStoreCore.MaxAttempts; attempt++)
        {
            var after = await _jobs.FindOneAndUpdateAsync(Filter(jobUuid, plan, condition), update, ReturnAfter, cancellationToken)
                .ConfigureAwait(false);
            if (after is not null)
            {
                if (!after.Contains("_callback_salt"))
                {
                    // A job the Python original created: give it its callback salt first, as a read does.
                    await AddCallbackSaltAsync(jobUuid, cancellationToken).ConfigureAwait(false);
                    after = await _jobs.Find(new BsonDocument(JobDocuments.UuidField, jobUuid)).Project(ReturnAfter.Projection)
                        .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw new UnknownJobException(jobUuid);
                }

                var applied = JobDocuments.ToApplied(MongoDocuments.FromBson(after), plan);
                StoreLog.Applied(_core.Logger, jobEvent.ToWireName(), jobUuid, applied.State.ToWireName(), applied.Revision);
                return applied;
            }

            // The filter missed: read once to throw the precise reason, or learn that a concurrent change has passed.
            condition = _core.Guard.Check(jobUuid, await ReadGuardStateAsync(jobUuid, cancellationToken).ConfigureAwait(false), plan, condition);
            StoreLog.Retrying(_core.Logger, jobEvent.ToWireName(), jobUuid);
        }

        throw JobStoreCore.Conflict(jobUuid, jobEvent);
    }

    /// <summary>
    /// The one place where driver failures become <see cref="PipelineStoreUnavailableException"/>. Being async, it
    /// also reports argument, token and admin refusals through the task, never at the call.
    /// </summary>
    private async Task<T> CallAsync<T>(string operation, bool writes, Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MongoConnectionException or MongoConnectionPoolPausedException or MongoWaitQueueFullException
                                       or TimeoutException or MongoNotPrimaryException or MongoNodeIsRecoveringException)
        {
            // Only a connection lost after the request went out leaves a write's outcome open; the others fail
            // before sending (server selection, pool) or are the server's refusal.
            throw new PipelineStoreUnavailableException("MongoDB", $"{operation} on {_servers}", writes && ex is MongoConnectionException, ex);
        }
        catch (Exception ex) when (IsTooLarge(ex))
        {
            throw new JobHistoryFullException(operation, "MongoDB", ex);
        }
    }

    /// <summary>
    /// The server refused a document past its size limit (BSONObjectTooLarge, or an update whose result is too
    /// large), or the driver refused to send one.
    /// </summary>
    private static bool IsTooLarge(Exception ex) => ex switch
    {
        MongoServerException server => server switch
        {
            MongoWriteException write => write.WriteError?.Code is 10334 or 17419 or 17420,
            MongoCommandException command => command.Code is 10334 or 17419 or 17420,
            _ => false,
        },
        FormatException format => format.Message.Contains("MaxDocumentSize", StringComparison.Ordinal),
        _ => false,
    };

    private static IMongoDatabase Connect(MongoStoreSettings settings, JobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = settings.ToClientSettings();
        client.ServerSelectionTimeout = options.Timeout;
        client.ConnectTimeout = options.Timeout;
        return new MongoClient(client).GetDatabase(settings.Database);
    }

    private static string ApplyOperation(string jobUuid, JobEvent jobEvent) => $"apply '{jobEvent.ToWireName()}' to job {jobUuid}";

    // Internal for the benchmarks, which measure the store's own work apart from the database.
    internal static BsonDocument Filter(string jobUuid, JobEventPlan plan, TokenCondition condition)
    {
        // A soft-deleted job takes no events; in the filter too, so a deletion racing the event wins cleanly.
        var filter = new BsonDocument { { JobDocuments.UuidField, jobUuid }, { JobDocuments.VisibleField, new BsonDocument("$ne", false) } };
        if (!plan.FromAnyState)
        {
            filter.Add("state", new BsonDocument("$in", new BsonArray(plan.Sources.Select(s => s.ToWireName()))));
        }

        switch (condition.Kind)
        {
            case TokenConditionKind.UpdateSalt:
                filter.Add("$or", new BsonArray { new BsonDocument("_salt", condition.Secret), new BsonDocument("_recent_salts", condition.Secret) });
                break;
            case TokenConditionKind.CallbackSalt:
                filter.Add("_callback_salt", condition.Secret);
                break;
        }

        return filter;
    }

    internal static BsonDocument Update(JobEventPlan plan)
    {
        var set = new BsonDocument();
        if (plan.Destination is { } destination)
        {
            set.Add("state", destination.ToWireName());
        }

        set.Add("last_event", plan.Event.ToWireName());
        set.Add("updated", plan.Date);
        set.Add("_properties.modified_date", plan.Date);
        set.Add("_salt", plan.NewSalt);
        return new BsonDocument
        {
            { "$set", set },
            { "$inc", new BsonDocument("_properties.revision", 1) },
            {
                "$push", new BsonDocument
                {
                    { "history", MongoDocuments.ToBson(plan.HistoryEntry) },
                    { "_recent_salts", new BsonDocument { { "$each", new BsonArray { plan.NewSalt } }, { "$slice", -JobDocuments.SaltWindow } } },
                }
            },
        };
    }

    private async Task<JobGuardState?> ReadGuardStateAsync(string jobUuid, CancellationToken cancellationToken)
    {
        var found = await _jobs.Find(new BsonDocument(JobDocuments.UuidField, jobUuid)).Project(GuardFields)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null ? null : JobDocuments.GuardState(MongoDocuments.FromBson(found));
    }

    private async Task<JobSnapshot?> FindAsync(string jobUuid, CancellationToken cancellationToken)
    {
        await EnsureIndexesAsync(cancellationToken).ConfigureAwait(false);
        var found = await _jobs.Find(new BsonDocument(JobDocuments.UuidField, jobUuid)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null ? null : await CompleteAsync(found, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a stored job. A job the Python original created has no callback salt yet: it gets one before its
    /// callback token is derived.
    /// </summary>
    private async Task<JobSnapshot> CompleteAsync(BsonDocument found, CancellationToken cancellationToken)
    {
        if (!found.Contains("_callback_salt"))
        {
            var uuid = found[JobDocuments.UuidField].AsString;
            await AddCallbackSaltAsync(uuid, cancellationToken).ConfigureAwait(false);
            found = await _jobs.Find(new BsonDocument(JobDocuments.UuidField, uuid)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new UnknownJobException(uuid);
        }

        return JobDocuments.ToSnapshot(MongoDocuments.FromBson(found));
    }

    /// <summary>Gives a job the Python original created its callback salt, only if still missing, so concurrent readers agree.</summary>
    private Task AddCallbackSaltAsync(string jobUuid, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument { { JobDocuments.UuidField, jobUuid }, { "_callback_salt", new BsonDocument("$exists", false) } };
        return _jobs.UpdateOneAsync(filter, new BsonDocument("$set", new BsonDocument("_callback_salt", Salts.NewSalt())), cancellationToken: cancellationToken);
    }

    private async Task RequirePipelineAsync(string pipelineUuid, CancellationToken cancellationToken)
    {
        var count = await _pipelines.CountDocumentsAsync(new BsonDocument("uuid", pipelineUuid), new CountOptions { Limit = 1 }, cancellationToken)
            .ConfigureAwait(false);
        if (count == 0)
        {
            throw new UnknownPipelineException(pipelineUuid);
        }
    }

    private async Task CreateIndexesAsync()
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        var models = new List<CreateIndexModel<BsonDocument>>
        {
            new(keys.Ascending(JobDocuments.UuidField), new CreateIndexOptions { Unique = true, Sparse = true }),
        };
        models.AddRange(JobDocuments.IndexedFields.Select(field => new CreateIndexModel<BsonDocument>(keys.Ascending(field))));
        await _jobs.Indexes.CreateManyAsync(models).ConfigureAwait(false);
        StoreLog.IndexesEnsured(_core.Logger, _jobs.CollectionNamespace.FullName);
    }

    private static void AddIfGiven(BsonDocument document, string name, object? value)
    {
        if (value is not null)
        {
            document.Add(name, MongoDocuments.ToBson(value));
        }
    }
}
