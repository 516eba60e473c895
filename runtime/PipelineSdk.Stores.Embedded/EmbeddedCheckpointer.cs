using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PipelineSdk.Stores.Internal;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// Copies the write-ahead log back into the database file on a thread of its own, so that writers never do it.
/// </summary>
/// <remarks>
/// Left to itself, SQLite checkpoints inside the commit that crosses 1,000 log pages: that commit (and every caller
/// queued behind it) then waits for the log to be flushed to disk and copied, which made the slowest events of a busy
/// store tens of times slower than the rest. Here the store's connections turn that off and this checkpointer runs
/// passive checkpoints (which wait for nobody) while writes keep coming, a short pause apart. A passive checkpoint
/// cannot rewind the log while writers keep appending, so once the log is long this thread catches up (checkpoints back
/// to back, each with less to copy than the one before) and then asks the writer to run one checkpoint itself between
/// two batches: it finds only the last few hundred pages to copy, and the next write starts the log from its
/// beginning again. Durability is unchanged: the log is flushed to disk by each checkpoint as before, and
/// what a commit survives depends on the durability setting alone.
/// </remarks>
internal sealed class EmbeddedCheckpointer : IDisposable
{
    /// <summary>
    /// How long the log may grow, in pages, before the writer is asked to rewind it: 128 MB of 4 KB pages. A rewind
    /// holds up the writes queued at that moment (6-16 ms on the benchmark machine, mostly the checkpoint's two
    /// flushes to disk), so under load it should be rare:
    /// a quarter of this length made the slowest 1 % of events twice as slow.
    /// </summary>
    public const long DefaultRewindPages = 32_768;

    /// <summary>
    /// Few enough pages written during one checkpoint that the writer's rewind, which copies and flushes them, is
    /// short: 1 MB of 4 KB pages.
    /// </summary>
    private const long CaughtUpPages = 256;

    /// <summary>A checkpoint that waits for nobody; its one row: busy (another checkpoint was running), pages in the log, pages copied.</summary>
    private const string PassiveCheckpoint = "PRAGMA wal_checkpoint(PASSIVE)";

    /// <summary>The pause between two checkpoints while writes come, so each copies many writes' pages at once.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    private readonly Func<EmbeddedSession> _open;
    private readonly string _filePath;
    private readonly ILogger _logger;
    private readonly long _rewindPages;
    private readonly ManualResetEventSlim _wake = new();
    private readonly Lock _lock = new();
    private Thread? _thread;
    private bool _written;
    private bool _disposed;
    private volatile bool _rewindDue;
    private int _failures;

    /// <summary>
    /// Remembers how to open its own connection; no thread runs until a write is committed. Failed checkpoints are
    /// logged against <paramref name="filePath"/>, once per run of failures.
    /// </summary>
    public EmbeddedCheckpointer(Func<EmbeddedSession> open, string filePath, ILogger logger, long rewindPages = DefaultRewindPages)
    {
        _open = open;
        _filePath = filePath;
        _logger = logger;
        _rewindPages = rewindPages;
    }

    /// <summary>Whether the writer should run a checkpoint itself before its next batch, to let the log start over.</summary>
    public bool RewindDue => _rewindDue;

    /// <summary>Called after each commit: starts the checkpoint thread unless it runs.</summary>
    public void Committed()
    {
        lock (_lock)
        {
            _written = true;
            if (_thread is null && !_disposed)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "PipelineSdk SQLite checkpoint" };
                _thread.Start();
            }
        }
    }

    /// <summary>Runs a checkpoint on the writer's connection, between two of its transactions.</summary>
    public void RewindOn(EmbeddedSession writer)
    {
        _rewindDue = false;
        try
        {
            writer.Execute(PassiveCheckpoint);
        }
        catch (SqliteException ex)
        {
            // As on the checkpoint thread: the pages stay in the log, and the batch that follows is not held up.
            Failed(ex);
        }
    }

    /// <summary>Stops the thread, waiting for a checkpoint under way to finish.</summary>
    public void Dispose()
    {
        Thread? running;
        lock (_lock)
        {
            _disposed = true;
            running = _thread;
        }

        _wake.Set();
        running?.Join();
    }

    private void Run()
    {
        EmbeddedSession? session = null;
        long backfilled = 0;
        var catchingUp = false;
        try
        {
            while (true)
            {
                if (!catchingUp)
                {
                    _wake.Wait(Pause);
                }

                lock (_lock)
                {
                    // A commit after this finds no thread and starts a new one.
                    if (_disposed || !_written)
                    {
                        // Nothing was committed since the last checkpoint began, so it copied everything: a long log
                        // it was catching up with can be rewound at once.
                        _rewindDue |= catchingUp;
                        _thread = null;
                        return;
                    }

                    _written = false;
                }

                try
                {
                    session ??= _open();
                    using var reader = session.Command(PassiveCheckpoint).ExecuteReader();
                    if (reader.Read())
                    {
                        // Pages in the log, and pages of it copied so far (both start over when the log is rewound).
                        var (log, copied) = (reader.GetInt64(1), reader.GetInt64(2));
                        var copiedNow = copied >= backfilled ? copied - backfilled : copied;
                        backfilled = copied;
                        // A long log is caught up with checkpoint after checkpoint, each shorter than the one before,
                        // so that the writer's rewind finds almost nothing left to copy and flush.
                        catchingUp = log > _rewindPages && copiedNow > CaughtUpPages;
                        _rewindDue = log > _rewindPages && !catchingUp;
                    }

                    Succeeded();
                }
                catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
                {
                    // Nothing is lost when a checkpoint fails: the pages stay in the log for the next one (or for
                    // SQLite when the last connection closes). A failure that matters reaches the writers themselves.
                    Failed(ex);
                    session?.Dispose();
                    session = null;
                }
            }
        }
        finally
        {
            session?.Dispose();
        }
    }

    /// <summary>Logs the first failure of a run of them: the thread tries again every pause, and one line says enough.</summary>
    private void Failed(Exception ex)
    {
        if (Interlocked.Increment(ref _failures) == 1)
        {
            StoreLog.CheckpointFailed(_logger, _filePath, ex.Message);
        }
    }

    private void Succeeded()
    {
        var failures = Interlocked.Exchange(ref _failures, 0);
        if (failures > 0)
        {
            StoreLog.CheckpointRecovered(_logger, _filePath, failures);
        }
    }
}
