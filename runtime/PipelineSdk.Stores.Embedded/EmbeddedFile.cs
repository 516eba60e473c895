using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using PipelineSdk.Errors;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// The embedded store's SQLite file: checks that an existing file is a job store before anything touches it, creates
/// a missing one on the first write only, runs every write in one <c>BEGIN IMMEDIATE</c> transaction, and is the one
/// place where SQLite's errors become the SDK's exceptions.
/// </summary>
/// <remarks>
/// SQLite lets one writer at a time hold the file (WAL mode: readers never wait). Writers of this process queue on an
/// async gate per file, so they wait without blocking threads, and whoever holds the gate commits every write queued
/// so far in one transaction; writers of other processes wait on SQLite's busy timeout. Both waits end after
/// <see cref="EmbeddedStoreOptions.LockTimeout"/>.
/// </remarks>
internal sealed class EmbeddedFile : IDisposable
{
    private const string StoreName = "SQLite";

    /// <summary>The most writes committed in one transaction.</summary>
    private const int MaxBatch = 256;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<PendingWrite> _pending = new();

    private readonly EmbeddedStoreOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly string _connectionString;
    private readonly string _pragmas;
    private volatile bool _ready;

    /// <summary>Remembers the file; nothing is opened or created yet.</summary>
    public EmbeddedFile(EmbeddedStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FilePath);
        if (options.LockTimeout <= TimeSpan.Zero)
        {
            throw new PipelineJobValidationException($"{nameof(EmbeddedStoreOptions.LockTimeout)} must be positive; got {options.LockTimeout}.");
        }

        _options = options;
        Path = System.IO.Path.GetFullPath(options.FilePath);
        _gate = Gates.GetOrAdd(Path, _ => new SemaphoreSlim(1, 1));
        var timeout = options.LockTimeout;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWrite,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString();
        var synchronous = options.Durability == EmbeddedDurability.Full ? "FULL" : "NORMAL";
        _pragmas = $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous};";
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Runs a read on an open connection (synchronously: SQLite reads of one row take microseconds); on a missing
    /// (or still empty) file it returns <paramref name="whenMissing"/> and creates nothing. Failures come through the task.
    /// </summary>
    public Task<T> ReadAsync<T>(string operation, Func<SqliteConnection, T> work, Func<T> whenMissing, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Guarded(operation, writes: false, () =>
            {
                if (!Prepare(create: false))
                {
                    return whenMissing();
                }

                using var connection = Open();
                return work(connection);
            }));
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>
    /// Runs a write in an immediate transaction, committed before this returns. Writes that queue up while another
    /// batch holds the file are committed together (group commit): each in its own savepoint, so a refused write
    /// leaves no trace, and one commit for all of them, so a queue of writers pays for one transaction.
    /// </summary>
    public async Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite(operation, connection => work(connection));
        _pending.Enqueue(write);
        bool entered;
        try
        {
            entered = await _gate.WaitAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            if (write.Abandon())
            {
                throw;
            }

            // A batch has taken it already: its outcome stands.
            return (T)(await write.Result.ConfigureAwait(false))!;
        }

        if (!entered)
        {
            if (write.Abandon())
            {
                throw new PipelineStoreUnavailableException(StoreName, operation, false,
                    new TimeoutException($"Other writers of this process held the file for {_options.LockTimeout.TotalSeconds:0.#} s."));
            }
        }
        else
        {
            try
            {
                if (!write.Result.IsCompleted)
                {
                    RunBatch();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return (T)(await write.Result.ConfigureAwait(false))!;
    }

    /// <summary>Takes every queued write and commits them in one transaction; each learns its own outcome.</summary>
    private void RunBatch()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && _pending.TryDequeue(out var next))
        {
            if (next.Take())
            {
                batch.Add(next);
            }
        }

        var outcomes = new List<(PendingWrite Write, object? Result, Exception? Error)>(batch.Count);
        try
        {
            Prepare(create: true);
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var write in batch)
            {
                transaction.Save("write");
                try
                {
                    outcomes.Add((write, write.Work(connection), null));
                    transaction.Release("write");
                }
                catch (Exception ex) when (ex is not SqliteException)
                {
                    transaction.Rollback("write");
                    transaction.Release("write");
                    outcomes.Add((write, null, ex));
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // The transaction did not commit: nothing of the batch was written (an I/O error during the commit
            // leaves it open, which the mapped exception says).
            foreach (var write in batch)
            {
                write.Fail(Map(ex, write.Operation, writes: true));
            }

            return;
        }

        foreach (var (write, result, error) in outcomes)
        {
            if (error is null)
            {
                write.Succeed(result);
            }
            else
            {
                write.Fail(error);
            }
        }
    }

    /// <summary>Lets the pool close this file's idle connections.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = _pragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Makes sure the file is a job store: true when it is; false (for reads) when it is missing or an empty
    /// database. A write creates a missing store. A file that is anything else is refused before it is written to.
    /// </summary>
    private bool Prepare(bool create)
    {
        if (_ready)
        {
            return true;
        }

        if (!File.Exists(Path))
        {
            if (Directory.Exists(Path))
            {
                throw new PipelineStoreFileException(Path, "is a folder, not a job store file");
            }

            if (!_options.CreateIfMissing)
            {
                throw new PipelineStoreFileException(Path, "there is no job store here");
            }

            if (!create)
            {
                return false;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            CreateSchema(SqliteOpenMode.ReadWriteCreate);
            return _ready = true;
        }

        switch (EmbeddedSchema.Inspect(Path))
        {
            case EmbeddedSchema.Kind.Store:
                return _ready = true;
            case EmbeddedSchema.Kind.Empty when create:
                CreateSchema(SqliteOpenMode.ReadWrite);
                return _ready = true;
            case EmbeddedSchema.Kind.Empty:
                return false;
            default:
                throw new PipelineStoreFileException(Path, "is a SQLite database of something else (it has no job store tables); the file was not modified");
        }
    }

    private void CreateSchema(SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString) { Mode = mode };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = _pragmas + " PRAGMA journal_mode = WAL;";
        pragmas.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction(deferred: false);
        EmbeddedSchema.Create(connection);
        transaction.Commit();
    }

    private T Guarded<T>(string operation, bool writes, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (Map(ex, operation, writes) is { } mapped && mapped != ex)
        {
            throw mapped;
        }
    }

    /// <summary>The SDK's exception for a failure of SQLite or of the file system; other exceptions are returned as they are.</summary>
    private Exception Map(Exception ex, string operation, bool writes) => ex switch
    {
        SqliteException { SqliteErrorCode: EmbeddedSchema.NotADatabase or EmbeddedSchema.Corrupt } =>
            new PipelineStoreFileException(Path, "is not a job store (not a SQLite database, or a damaged one); the file was not modified", ex),
        // SQLITE_BUSY / SQLITE_LOCKED: another process kept the write lock past the timeout; nothing was written.
        SqliteException { SqliteErrorCode: 5 or 6 } => new PipelineStoreUnavailableException(StoreName, operation, false, ex),
        // READONLY, IOERR, FULL, CANTOPEN. Only an I/O error during a write leaves its outcome open.
        SqliteException { SqliteErrorCode: 8 or 10 or 13 or 14 } sqlite =>
            new PipelineStoreUnavailableException(StoreName, operation, writes && sqlite.SqliteErrorCode == 10, ex),
        IOException or UnauthorizedAccessException => new PipelineStoreUnavailableException(StoreName, operation, false, ex),
        _ => ex,
    };

    /// <summary>A write waiting for a batch: taken by exactly one batch, or abandoned by its caller first.</summary>
    private sealed class PendingWrite(string operation, Func<SqliteConnection, object?> work)
    {
        private readonly TaskCompletionSource<object?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public string Operation { get; } = operation;

        public Func<SqliteConnection, object?> Work { get; } = work;

        public Task<object?> Result => _result.Task;

        /// <summary>Claims it for a batch; false when its caller gave up.</summary>
        public bool Take() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        /// <summary>Gives it up; false when a batch has already taken it (its outcome will come).</summary>
        public bool Abandon() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;

        public void Succeed(object? result) => _result.SetResult(result);

        public void Fail(Exception error) => _result.SetException(error);
    }
}
