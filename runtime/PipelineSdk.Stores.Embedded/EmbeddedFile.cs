using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// The embedded store's SQLite file: checks that an existing file is a job store before anything touches it, creates
/// a missing one on the first write only, runs every write in one <c>BEGIN IMMEDIATE</c> transaction, and is the one
/// place where SQLite's errors become the SDK's exceptions.
/// </summary>
/// <remarks>
/// SQLite lets one writer at a time hold the file (WAL mode: readers never wait). Writes of this instance go to one
/// queue; a writer thread takes everything queued so far and commits it in one transaction on its connection (group
/// commit), then answers each caller; it ends when no write came for a moment, and a lone write then runs on its
/// caller's thread. Other instances on the same file in this process take turns with it on a gate per file; writers
/// of other processes wait on SQLite's busy timeout. A caller waits at most
/// <see cref="EmbeddedStoreOptions.LockTimeout"/> for its write to be taken.
/// </remarks>
internal sealed class EmbeddedFile : IDisposable
{
    private const string StoreName = "SQLite";

    /// <summary>
    /// The most writes committed in one transaction. Small enough that callers do not move in one herd: with no cap a
    /// busy writer took every waiting caller at once, and the CPU then sat idle while they all waited on that batch
    /// (measured with 64 callers on 2 cores: 16 served a fifth more events per second than 256 at the default durability,
    /// with a shorter tail; 8 and 32 did less well at both durabilities).
    /// </summary>
    private const int MaxBatch = 16;

    /// <summary>The most idle read connections kept open.</summary>
    private const int MaxIdleReaders = 8;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>How long the writer thread waits for more work before it ends (lone writes then run on their callers).</summary>
    private static readonly TimeSpan WriterIdle = TimeSpan.FromMilliseconds(200);

    private readonly BlockingCollection<PendingWrite> _pending = new(new ConcurrentQueue<PendingWrite>());
    private readonly ConcurrentBag<EmbeddedSession> _readers = [];
    private readonly Lock _startLock = new();

    private readonly EmbeddedStoreOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly string _writerPragmas;
    private readonly EmbeddedCheckpointer _checkpointer;
    /// <summary>The writing connection, used only by the writer of the moment (the writer thread or a lone caller).</summary>
    private EmbeddedSession? _writer;
    private bool _writerRunning;
    /// <summary>The writing connection's <c>PRAGMA data_version</c> at its last batch (-1: none yet on this connection).</summary>
    private long _dataVersion = -1;
    private volatile bool _ready;
    private volatile bool _disposed;

    /// <summary>Remembers the file; nothing is opened or created yet. Background failures are logged to <paramref name="logger"/>.</summary>
    public EmbeddedFile(EmbeddedStoreOptions options, ILogger logger)
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
            // The sessions keep their connections (and compiled statements) open themselves.
            Pooling = false,
        }.ToString();
        var synchronous = options.Durability == EmbeddedDurability.Full ? "FULL" : "NORMAL";
        // Checkpoints run on the checkpointer's thread, not inside a writer's commit.
        _pragmas = $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous}; PRAGMA wal_autocheckpoint = 0;";
        _checkpointer = new EmbeddedCheckpointer(() => new EmbeddedSession(_connectionString, _pragmas), Path, logger);
        // The writer keeps the pages a busy store touches (job rows, the ends of their histories, the indexes) in
        // its cache: with SQLite's default 2 MB it read pages back from the file on most events.
        _writerPragmas = _pragmas + " PRAGMA cache_size = -32768;";
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Changes whenever what a write remembers from earlier writes of this instance may be stale: another connection
    /// (another store, another process) has committed to the file, or the writing connection was reopened. Read by
    /// writes, inside their transaction.
    /// </summary>
    public long WriterEpoch { get; private set; }

    /// <summary>
    /// Runs a read on an open connection (synchronously: SQLite reads of one row take microseconds); on a missing
    /// (or still empty) file it returns <paramref name="whenMissing"/> and creates nothing. Failures come through the task.
    /// </summary>
    public Task<T> ReadAsync<T>(string operation, Func<EmbeddedSession, T> work, Func<T> whenMissing, CancellationToken cancellationToken)
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

                var session = _readers.TryTake(out var idle) ? idle : new EmbeddedSession(_connectionString, _pragmas);
                var keep = false;
                try
                {
                    var result = work(session);
                    keep = !_disposed && _readers.Count < MaxIdleReaders;
                    return result;
                }
                finally
                {
                    if (keep)
                    {
                        _readers.Add(session);
                    }
                    else
                    {
                        session.Dispose();
                    }
                }
            }));
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>
    /// Runs a write in an immediate transaction, committed before this returns. Writes that queue up while a batch
    /// runs are committed together (group commit): each in its own savepoint, so a refused write leaves no trace, and
    /// one commit for all of them, so a queue of writers pays for one transaction.
    /// </summary>
    public async Task<T> WriteAsync<T>(string operation, Func<EmbeddedSession, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, typeof(EmbeddedJobStore));
        var write = new PendingWrite(operation, session => work(session));
        if (TryWriteHere(write))
        {
            return (T)(await write.Result.ConfigureAwait(false))!;
        }

        try
        {
            _pending.Add(write, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(EmbeddedJobStore));
        }

        EnsureWriter();
        try
        {
            await write.Result.WaitAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (write.Abandon())
        {
            throw;
        }
        catch (TimeoutException) when (write.Abandon())
        {
            throw new PipelineStoreUnavailableException(StoreName, operation, false,
                new TimeoutException($"Other writers held the file for {_options.LockTimeout.TotalSeconds:0.#} s."));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // A batch has taken it already: its outcome stands.
        }

        return (T)(await write.Result.ConfigureAwait(false))!;
    }

    /// <summary>Closes this file's idle connections; the writer thread ends once the writes queued are committed.</summary>
    public void Dispose()
    {
        _disposed = true;
        _pending.CompleteAdding();
        _checkpointer.Dispose();
        while (_readers.TryTake(out var session))
        {
            session.Dispose();
        }

        lock (_startLock)
        {
            // A running writer closes the connection itself when it ends.
            if (!_writerRunning)
            {
                CloseWriter();
            }
        }
    }

    /// <summary>
    /// A lone write (no writer running, nothing queued, the file's gate free) runs on the caller's thread, as the
    /// writer for that moment: it spares the two thread switches of a hand-off, which only pay off under load.
    /// </summary>
    private bool TryWriteHere(PendingWrite write)
    {
        lock (_startLock)
        {
            if (_writerRunning || _pending.Count > 0 || !_gate.Wait(0))
            {
                return false;
            }

            _writerRunning = true;
        }

        try
        {
            write.Take();
            RunBatch([write]);
        }
        finally
        {
            _gate.Release();
            lock (_startLock)
            {
                // Writes that queued meanwhile found a writer running: hand them to a writer thread.
                _writerRunning = false;
                if (_pending.Count > 0)
                {
                    StartWriter();
                }
                else if (_disposed)
                {
                    CloseWriter();
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Starts the writer thread unless it runs. A thread of its own rather than the thread pool: under load the pool's
    /// queue is full of the callers' work, and the one writer must not wait behind it.
    /// </summary>
    private void EnsureWriter()
    {
        lock (_startLock)
        {
            if (!_writerRunning)
            {
                StartWriter();
            }
        }
    }

    private void StartWriter()
    {
        _writerRunning = true;
        new Thread(WriteLoop) { IsBackground = true, Name = "PipelineSdk SQLite writer" }.Start();
    }

    /// <summary>The one writer of this instance: batch after batch, until it has been idle a while or the store is disposed.</summary>
    private void WriteLoop()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        var stopped = false;
        try
        {
            while (true)
            {
                if (!_pending.TryTake(out var first, WriterIdle))
                {
                    lock (_startLock)
                    {
                        // A write queued before this check is seen here; one queued after it starts a new writer.
                        if (_pending.Count == 0)
                        {
                            StopWriter();
                            stopped = true;
                            return;
                        }
                    }

                    continue;
                }

                var next = first;
                do
                {
                    if (next.Take())
                    {
                        batch.Add(next);
                    }
                }
                while (batch.Count < MaxBatch && _pending.TryTake(out next));

                if (batch.Count > 0)
                {
                    RunBatchInTurn(batch);
                    batch.Clear();
                }
            }
        }
        finally
        {
            if (!stopped)
            {
                lock (_startLock)
                {
                    StopWriter();
                }
            }
        }
    }

    /// <summary>Ends the writer thread's turn; the connection stays open for the next writer unless the store is disposed.</summary>
    private void StopWriter()
    {
        _writerRunning = false;
        if (_disposed)
        {
            CloseWriter();
        }
    }

    private void CloseWriter()
    {
        _writer?.Dispose();
        _writer = null;
        _dataVersion = -1;
    }

    /// <summary>Runs a batch when no other instance on this file in this process is writing.</summary>
    private void RunBatchInTurn(List<PendingWrite> batch)
    {
        if (!_gate.Wait(_options.LockTimeout))
        {
            foreach (var write in batch)
            {
                write.Fail(new PipelineStoreUnavailableException(StoreName, write.Operation, false,
                    new TimeoutException($"Other writers of this process held the file for {_options.LockTimeout.TotalSeconds:0.#} s.")));
            }

            return;
        }

        try
        {
            RunBatch(batch);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Commits a batch in one transaction; each write learns its own outcome.</summary>
    private void RunBatch(List<PendingWrite> batch)
    {
        var outcomes = new List<(PendingWrite Write, object? Result, Exception? Error)>(batch.Count);
        try
        {
            Prepare(create: true);
            var session = _writer ??= new EmbeddedSession(_connectionString, _writerPragmas);
            if (_checkpointer.RewindDue)
            {
                _checkpointer.RewindOn(session);
            }

            session.Execute("BEGIN IMMEDIATE");
            // data_version changes for this connection when another connection has committed since its last look.
            var version = (long)session.Scalar("PRAGMA data_version")!;
            if (version != _dataVersion)
            {
                _dataVersion = version;
                WriterEpoch++;
            }

            foreach (var write in batch)
            {
                session.Execute("SAVEPOINT write");
                try
                {
                    outcomes.Add((write, write.Work(session), null));
                    session.Execute("RELEASE write");
                }
                catch (Exception ex) when (ex is not SqliteException)
                {
                    session.Execute("ROLLBACK TO write");
                    session.Execute("RELEASE write");
                    outcomes.Add((write, null, ex));
                }
            }

            session.Execute("COMMIT");
        }
        catch (Exception ex)
        {
            // The transaction did not commit: closing the connection rolls it back, so nothing of the batch was
            // written (an I/O error during the commit leaves it open, which the mapped exception says).
            CloseWriter();
            foreach (var write in batch)
            {
                write.Fail(Map(ex, write.Operation, writes: true));
            }

            return;
        }

        _checkpointer.Committed();
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
    private sealed class PendingWrite(string operation, Func<EmbeddedSession, object?> work)
    {
        private readonly TaskCompletionSource<object?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public string Operation { get; } = operation;

        public Func<EmbeddedSession, object?> Work { get; } = work;

        public Task<object?> Result => _result.Task;

        /// <summary>Claims it for a batch; false when its caller gave up.</summary>
        public bool Take() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        /// <summary>Gives it up; false when a batch has already taken it (its outcome will come).</summary>
        public bool Abandon() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;

        public void Succeed(object? result) => _result.SetResult(result);

        public void Fail(Exception error) => _result.SetException(error);
    }
}
