using System.Text.Json.Nodes;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Internal;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// The default store when no MongoDB is configured: one SQLite file (WAL journal) holding jobs and pipelines with the
/// same document shape and the same rules as the MongoDB store (package PipelineSdk.Stores.Mongo). Every write is one immediate
/// transaction that checks its conditions (state, token salt window) and writes inside it, so several processes can
/// share the file. An event updates the job's row and appends one history row: its cost does not grow with history.
/// </summary>
public sealed class EmbeddedJobStore : IPipelineJobStore, ICancellableJobStore, IAsyncDisposable, IDisposable
{
    private const string JobColumns = "id, uuid, state, last_event, updated, modified, visible, revision, salt, recent_salts, callback_salt, owner, project, tenant, history_count";

    private readonly EmbeddedFile _file;
    private readonly JobStoreCore _core;
    private readonly EmbeddedWrittenRows _written = new();

    /// <summary>
    /// Opens the store on its file. Nothing is read or created here: the first operation checks that an existing file
    /// is a job store (and refuses any other file without modifying it); the first write creates a missing one.
    /// </summary>
    public EmbeddedJobStore(EmbeddedStoreOptions embedded, JobStoreOptions? options = null, ILogger<EmbeddedJobStore>? logger = null)
    {
        _core = new JobStoreCore(options ?? new JobStoreOptions(), logger ?? NullLogger<EmbeddedJobStore>.Instance);
        _file = new EmbeddedFile(embedded, _core.Logger);
    }

    /// <inheritdoc />
    public TokenPolicy TokenPolicy => _core.Options.TokenPolicy;

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        _file.ReadAsync("ping", session => session.Scalar("SELECT count(*) FROM pipelines"), () => null, cancellationToken);

    /// <inheritdoc />
    public async Task<JobSnapshot> CreateAsync(NewJob job, CancellationToken cancellationToken = default)
    {
        var (uuid, document) = _core.PrepareCreate(job);
        var existing = await _file.WriteAsync($"create job {uuid}", connection =>
        {
            if (connection.Scalar("SELECT 1 FROM pipelines WHERE uuid = $uuid", ("$uuid", job.PipelineUuid)) is null)
            {
                throw new UnknownPipelineException(job.PipelineUuid);
            }

            if (ReadJob(connection, uuid) is { } found)
            {
                return found;
            }

            Insert(connection, document);
            return null;
        }, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            StoreLog.AlreadyExists(_core.Logger, uuid);
            return existing;
        }

        StoreLog.Created(_core.Logger, uuid, job.PipelineUuid);
        return JobDocuments.ToSnapshot(document);
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> GetAsync(string jobUuid, CancellationToken cancellationToken = default)
    {
        jobUuid = JobStoreCore.JobKey(jobUuid);
        return await _file.ReadAsync($"read job {jobUuid}", connection => ReadJob(connection, jobUuid), () => null, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownJobException(jobUuid);
    }

    /// <inheritdoc />
    public Task<AppliedJobEvent> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, SecretToken? token, CancellationToken cancellationToken = default)
    {
        jobUuid = JobStoreCore.JobKey(jobUuid);
        return ApplyAsync(jobUuid, jobEvent, data, () => _core.Guard.Resolve(jobUuid, jobEvent, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AppliedJobEvent> ApplyWithTokenTextAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, string? tokenText, CancellationToken cancellationToken = default)
    {
        jobUuid = JobStoreCore.JobKey(jobUuid);
        return ApplyAsync(jobUuid, jobEvent, data, () => _core.Guard.ResolveText(jobUuid, jobEvent, tokenText), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string jobUuid, AdminToken? adminToken, JobDeletion deletion, CancellationToken cancellationToken = default)
    {
        _core.Guard.DemandAdmin(adminToken, "delete");
        jobUuid = JobStoreCore.JobKey(jobUuid);
        var now = StoredValues.ToStoredDate(_core.Options.Clock.GetUtcNow()).Ticks;
        await _file.WriteAsync($"delete job {jobUuid}", connection =>
        {
            var id = connection.Scalar("SELECT id FROM jobs WHERE uuid = $uuid", ("$uuid", jobUuid)) ?? throw new UnknownJobException(jobUuid);
            _written.Forget(jobUuid);
            if (deletion == JobDeletion.Hard)
            {
                DeleteJob(connection, (long)id);
            }
            else
            {
                connection.Execute("UPDATE jobs SET visible = 0, modified = $now WHERE id = $id", ("$now", now), ("$id", id));
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
        var deleted = await _file.WriteAsync($"cancel job {jobUuid}", connection =>
        {
            var row = ReadGuard(connection, jobUuid);
            if (_core.Guard.CheckCancel(jobUuid, row?.Guard, row?.Revision ?? 0, token) is null)
            {
                return false;
            }

            DeleteJob(connection, row!.Id);
            _written.Forget(jobUuid);
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
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add((name, value));
        }

        if (query.State is { } state)
        {
            Add("state = $state", "$state", state.ToWireName());
        }

        if (query.PipelineUuid is { } pipeline)
        {
            Add("pipeline_uuid = $pipeline", "$pipeline", pipeline);
        }

        if (query.ChildOf is { } childOf)
        {
            Add("EXISTS (SELECT 1 FROM json_each(jobs.child_of) WHERE json_each.value = $child)", "$child", childOf);
        }

        if (query.UpdatedFrom is { } from)
        {
            Add("updated >= $from", "$from", StoredValues.ToStoredDate(from).Ticks);
        }

        if (query.UpdatedBefore is { } before)
        {
            Add("updated < $before", "$before", before.UtcTicks);
        }

        if (!query.IncludeHidden)
        {
            conditions.Add("visible = 1");
        }

        var sql = new StringBuilder($"SELECT {JobColumns}, document FROM jobs");
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY updated, uuid");
        if (query.Limit is { } limit)
        {
            // A parameter, not text: the statement is compiled once per shape of query and kept.
            sql.Append(" LIMIT $limit");
            parameters.Add(("$limit", limit));
        }

        return await _file.ReadAsync("query jobs", connection =>
        {
            var command = connection.Command(sql.ToString(), [.. parameters]);
            var rows = new List<(long Id, StoredDocument Document)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), ToDocument(reader)));
                }
            }

            return (IReadOnlyList<JobSnapshot>)rows.Select(row => WithHistory(connection, row.Id, row.Document)).ToList();
        }, () => [], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<JsonObject?> FindPipelineAsync(string pipelineUuid, CancellationToken cancellationToken = default) =>
        _file.ReadAsync($"read pipeline {pipelineUuid}", connection =>
            connection.Scalar("SELECT document FROM pipelines WHERE uuid = $uuid", ("$uuid", pipelineUuid)) is string json
                ? StoredValues.ToJsonObject(EmbeddedDocuments.DocumentFromJson(json))
                : null,
            () => null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JsonObject>> ListPipelinesAsync(CancellationToken cancellationToken = default) =>
        _file.ReadAsync("list pipelines", connection =>
        {
            var command = connection.Command("SELECT document FROM pipelines ORDER BY uuid");
            var pipelines = new List<JsonObject>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                pipelines.Add(StoredValues.ToJsonObject(EmbeddedDocuments.DocumentFromJson(reader.GetString(0))));
            }

            return (IReadOnlyList<JsonObject>)pipelines;
        }, () => [], cancellationToken);

    /// <inheritdoc />
    public async Task RegisterPipelineAsync(string pipelineUuid, JsonObject? fields, CancellationToken cancellationToken = default)
    {
        JobStoreCore.RequireUuid(pipelineUuid, nameof(pipelineUuid));
        var document = new StoredDocument { { "uuid", pipelineUuid } };
        if (fields is not null)
        {
            foreach (var (name, value) in StoredValues.FromJson(fields, "pipeline fields").Fields.Where(f => f.Key is not ("uuid" or "_id")))
            {
                document.Add(name, value);
            }
        }

        await _file.WriteAsync($"register pipeline {pipelineUuid}", connection => connection.Execute(
            "INSERT INTO pipelines (uuid, document) VALUES ($uuid, $document) ON CONFLICT (uuid) DO UPDATE SET document = excluded.document",
            ("$uuid", pipelineUuid), ("$document", EmbeddedDocuments.ToJson(document))), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets the file's idle connections close.</summary>
    public void Dispose() => _file.Dispose();

    /// <summary>Like <see cref="Dispose"/>: closing SQLite's pooled connections does not wait on anything.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<AppliedJobEvent> ApplyAsync(string jobUuid, JobEvent jobEvent, JsonObject? data, Func<TokenCondition> resolve, CancellationToken cancellationToken)
    {
        // Resolved inside this async method, so token and admin refusals come through the task, as on every store.
        var condition = resolve();
        var plan = _core.Plan(jobEvent, data);
        if (condition.Kind == TokenConditionKind.Lookup)
        {
            // Token text is matched against the job's salts before the write lock is taken, so writers do not
            // queue behind token derivations; inside the lock only the salt found is checked again.
            var read = await _file.ReadAsync($"read job {jobUuid}", connection => ReadGuard(connection, jobUuid), () => null, cancellationToken)
                .ConfigureAwait(false);
            condition = _core.Guard.Check(jobUuid, read?.Guard, plan, condition);
        }

        var entry = EmbeddedDocuments.ToJson(plan.HistoryEntry);
        // The writer only checks and writes; the tokens and the returned entry are built after, off the one writer.
        var (state, revision, callbackSalt, admin) = await _file.WriteAsync($"apply '{jobEvent.ToWireName()}' to job {jobUuid}", connection =>
        {
            var row = _written.Find(_file.WriterEpoch, jobUuid) ?? ReadGuard(connection, jobUuid);
            _core.Guard.Check(jobUuid, row?.Guard, plan, condition);
            var state = plan.Destination ?? row!.Guard.State;
            var salts = WithNewSalt(row!.Guard.RecentSalts, plan.NewSalt);
            var date = plan.Date.Ticks;
            connection.Execute(
                "UPDATE jobs SET state = $state, last_event = $event, updated = $date, modified = $date, revision = revision + 1, salt = $salt, " +
                "recent_salts = $salts, history_count = history_count + 1 WHERE id = $id",
                ("$state", state.ToWireName()), ("$event", jobEvent.ToWireName()), ("$date", date), ("$salt", plan.NewSalt),
                ("$salts", EmbeddedDocuments.ToJson(salts)), ("$id", row.Id));
            connection.Execute("INSERT INTO job_history (job_id, seq, entry) VALUES ($id, $seq, $entry)",
                ("$id", row.Id), ("$seq", row.HistoryCount), ("$entry", entry));
            _written.Remember(_file.WriterEpoch, jobUuid, new EmbeddedGuardRow(row.Id, row.Guard with { State = state, Salt = plan.NewSalt, RecentSalts = salts },
                row.Revision + 1, row.HistoryCount + 1));
            return (state, row.Revision + 1, row.Guard.CallbackSalt!, row.Guard.Admin);
        }, cancellationToken).ConfigureAwait(false);
        var applied = JobDocuments.Applied(jobUuid, state, revision, plan.NewSalt, callbackSalt, admin, plan);
        StoreLog.Applied(_core.Logger, jobEvent.ToWireName(), jobUuid, applied.State.ToWireName(), applied.Revision);
        return applied;
    }

    /// <summary>A job's recent salts after an event: the new salt last, the oldest dropped past the window.</summary>
    private static List<string> WithNewSalt(IReadOnlyList<string> recent, string salt)
    {
        var kept = Math.Min(recent.Count, JobDocuments.SaltWindow - 1);
        var salts = new List<string>(kept + 1);
        for (var i = recent.Count - kept; i < recent.Count; i++)
        {
            salts.Add(recent[i]);
        }

        salts.Add(salt);
        return salts;
    }

    private static void Insert(EmbeddedSession connection, StoredDocument document)
    {
        var history = document.Array("history");
        var guard = JobDocuments.GuardState(document);
        var created = StoredValues.ToTime(document["updated"]).UtcTicks;
        // The document column keeps the created document's field order; the history lives in its own rows.
        document["history"] = new List<object?>();
        var id = connection.Scalar(
            "INSERT INTO jobs (uuid, pipeline_uuid, archive_path, child_of, state, last_event, updated, modified, visible, revision, salt, recent_salts, " +
            "callback_salt, owner, project, tenant, history_count, document) VALUES ($uuid, $pipeline, $archive, $child_of, $state, $event, $date, $date, 1, 0, " +
            "$salt, $salts, $callback, $owner, $project, $tenant, $count, $document) RETURNING id",
            ("$uuid", document.Text(JobDocuments.UuidField)), ("$pipeline", document.Text("pipeline_uuid")), ("$archive", document.Text("archive_path")),
            ("$child_of", EmbeddedDocuments.ToJson(document["child_of"])), ("$state", guard.State.ToWireName()), ("$event", document.Text("last_event")),
            ("$date", created), ("$salt", guard.Salt), ("$salts", EmbeddedDocuments.ToJson(document["_recent_salts"])), ("$callback", guard.CallbackSalt),
            ("$owner", guard.Admin.Owner), ("$project", guard.Admin.Project), ("$tenant", guard.Admin.Tenant), ("$count", history.Count),
            ("$document", EmbeddedDocuments.ToJson(document)));
        for (var seq = 0; seq < history.Count; seq++)
        {
            connection.Execute("INSERT INTO job_history (job_id, seq, entry) VALUES ($id, $seq, $entry)",
                ("$id", id), ("$seq", seq), ("$entry", EmbeddedDocuments.ToJson(history[seq])));
        }

        document["history"] = history;
    }

    private static void DeleteJob(EmbeddedSession connection, long id)
    {
        connection.Execute("DELETE FROM job_history WHERE job_id = $id", ("$id", id));
        connection.Execute("DELETE FROM jobs WHERE id = $id", ("$id", id));
    }

    private static EmbeddedGuardRow? ReadGuard(EmbeddedSession connection, string jobUuid)
    {
        var command = connection.Command($"SELECT {JobColumns} FROM jobs WHERE uuid = $uuid", ("$uuid", jobUuid));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var guard = new JobGuardState(JobStates.Parse(reader.GetString(2)), reader.GetString(8), Texts(reader.GetString(9)), reader.GetString(10),
            new JobAdmin(reader.GetString(11), reader.GetString(12), reader.GetString(13)), Visible: reader.GetInt64(6) != 0);
        return new EmbeddedGuardRow(reader.GetInt64(0), guard, reader.GetInt64(7), reader.GetInt64(14));
    }

    private static JobSnapshot? ReadJob(EmbeddedSession connection, string jobUuid)
    {
        var command = connection.Command($"SELECT {JobColumns}, document FROM jobs WHERE uuid = $uuid", ("$uuid", jobUuid));
        long id;
        StoredDocument document;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            id = reader.GetInt64(0);
            document = ToDocument(reader);
        }

        return WithHistory(connection, id, document);
    }

    /// <summary>The stored document of a row read with <see cref="JobColumns"/> and <c>document</c>: the columns are the current values.</summary>
    private static StoredDocument ToDocument(SqliteDataReader reader)
    {
        var document = EmbeddedDocuments.DocumentFromJson(reader.GetString(15));
        document["state"] = reader.GetString(2);
        document["last_event"] = reader.GetString(3);
        document["updated"] = new DateTime(reader.GetInt64(4), DateTimeKind.Utc);
        document["_visible"] = reader.GetInt64(6) != 0;
        var properties = document.Document("_properties") ?? new StoredDocument();
        properties["modified_date"] = new DateTime(reader.GetInt64(5), DateTimeKind.Utc);
        properties["revision"] = reader.GetInt64(7);
        document["_properties"] = properties;
        document["_salt"] = reader.GetString(8);
        document["_recent_salts"] = EmbeddedDocuments.FromJson(reader.GetString(9));
        document["_callback_salt"] = reader.GetString(10);
        return document;
    }

    private static JobSnapshot WithHistory(EmbeddedSession connection, long id, StoredDocument document)
    {
        var command = connection.Command("SELECT entry FROM job_history WHERE job_id = $id ORDER BY seq", ("$id", id));
        var history = new List<object?>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                history.Add(EmbeddedDocuments.FromJson(reader.GetString(0)));
            }
        }

        document["history"] = history;
        return JobDocuments.ToSnapshot(document);
    }

    private static List<string> Texts(string json) => (EmbeddedDocuments.FromJson(json) as List<object?> ?? []).OfType<string>().ToList();
}
