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
/// async gate per file, so they wait without blocking threads; writers of other processes wait on SQLite's busy
/// timeout. Both waits end after <see cref="EmbeddedStoreOptions.LockTimeout"/>.
/// </remarks>
internal sealed class EmbeddedFile : IDisposable
{
    private const string StoreName = "SQLite";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

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
    /// Runs a read on an open connection; on a missing (or still empty) file it returns <paramref name="whenMissing"/>
    /// and creates nothing.
    /// </summary>
    public Task<T> ReadAsync<T>(string operation, Func<SqliteConnection, T> work, Func<T> whenMissing, CancellationToken cancellationToken)
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

    /// <summary>Runs a write in one immediate transaction, committed when <paramref name="work"/> returns.</summary>
    public async Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new PipelineStoreUnavailableException(StoreName, operation, false,
                new TimeoutException($"Other writers of this process held the file for {_options.LockTimeout.TotalSeconds:0.#} s."));
        }

        try
        {
            return Guarded(operation, writes: true, () =>
            {
                Prepare(create: true);
                using var connection = Open();
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = work(connection);
                transaction.Commit();
                return result;
            });
        }
        finally
        {
            _gate.Release();
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
        catch (SqliteException ex) when (ex.SqliteErrorCode is EmbeddedSchema.NotADatabase or EmbeddedSchema.Corrupt)
        {
            throw new PipelineStoreFileException(Path, "is not a job store (not a SQLite database, or a damaged one); the file was not modified", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: another process kept the write lock past the timeout; nothing was written.
            throw new PipelineStoreUnavailableException(StoreName, operation, false, ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 8 or 10 or 13 or 14)
        {
            // READONLY, IOERR, FULL, CANTOPEN. Only an I/O error during a write leaves its outcome open.
            throw new PipelineStoreUnavailableException(StoreName, operation, writes && ex.SqliteErrorCode == 10, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PipelineStoreUnavailableException(StoreName, operation, false, ex);
        }
    }
}
