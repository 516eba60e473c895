using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSdk.Identifiers;
using PipelineSdk.Stores.Embedded;

namespace PipelineSdk.Stores.Tests;

/// <summary>
/// The embedded store copies its write-ahead log into the database file on a thread of its own: what a commit wrote
/// reaches the database file while the store stays open, and the log is rewound instead of growing without end.
/// </summary>
public sealed class EmbeddedCheckpointTests : IDisposable
{
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";

    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-checkpoint-").FullName;

    private string FilePath => Path.Combine(_folder, "jobs.sqlite");

    [Fact]
    public async Task Events_reach_the_database_file_while_the_store_stays_open()
    {
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = FilePath });
        await store.RegisterPipelineAsync(Pipeline, null);
        var job = await store.CreateAsync(new NewJob { PipelineUuid = Pipeline, ArchivePath = "/products/v2/checkpoint", Data = [], Admin = new JobAdmin("sd2eadm") });
        for (var i = 0; i < 300; i++)
        {
            await store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["i"] = i }, job.CallbackToken);
        }

        // An immutable read sees the database file alone, not the log: the entries are there once a checkpoint ran.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long inFile;
        while ((inFile = HistoryRowsInDatabaseFile()) < 301 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(301, inFile);
    }

    [Fact]
    public void The_log_is_rewound_under_sustained_writes_instead_of_growing()
    {
        const int Commits = 2_000;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
        const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
        using var writer = new EmbeddedSession(connectionString, Pragmas);
        writer.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
        using (var checkpointer = new EmbeddedCheckpointer(() => new EmbeddedSession(connectionString, Pragmas), FilePath, NullLogger.Instance, rewindPages: 64))
        {
            var text = new string('x', 3_000);
            for (var i = 1; i <= Commits; i++)
            {
                // Each commit writes at least one page (a row of 3,000 bytes).
                writer.Execute("INSERT INTO notes (text) VALUES ($text)", ("$text", text));
                checkpointer.Committed();
                if (i % 100 == 0)
                {
                    // The checkpoint thread finds the log longer than 64 pages and asks the writer to rewind it.
                    var deadline = DateTime.UtcNow.AddSeconds(20);
                    while (!checkpointer.RewindDue && DateTime.UtcNow < deadline)
                    {
                        Thread.Sleep(5);
                    }

                    Assert.True(checkpointer.RewindDue, $"No rewind was asked for after {i} commits.");
                    checkpointer.RewindOn(writer);
                }
            }
        }

        // Without rewinds the log would hold every commit's pages, at least 2,000 x 4 KB; rewound every 100 commits,
        // it never holds many more than 100 commits' pages.
        var logBytes = new FileInfo(FilePath + "-wal").Length;
        Assert.True(logBytes < Commits * 4096L / 4, $"The log grew to {logBytes:N0} bytes.");
        Assert.Equal((long)Commits, writer.Scalar("SELECT count(*) FROM notes"));
    }

    [Fact]
    public void A_failing_checkpoint_is_logged_once_per_run_of_failures_and_its_recovery_once()
    {
        var logger = new ListLogger();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
        var broken = true;
        EmbeddedSession Open() => broken
            ? throw new SqliteException("SQLite Error 10: 'disk I/O error'.", 10)
            : new EmbeddedSession(connectionString, "PRAGMA journal_mode = WAL;");

        using (var checkpointer = new EmbeddedCheckpointer(Open, FilePath, logger))
        {
            // Several checkpoints fail in a row (one every 50 ms while commits come).
            for (var i = 0; i < 6; i++)
            {
                checkpointer.Committed();
                Thread.Sleep(60);
            }

            broken = false;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (logger.Lines.Count < 2 && DateTime.UtcNow < deadline)
            {
                checkpointer.Committed();
                Thread.Sleep(20);
            }
        }

        var lines = logger.Lines.ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(LogLevel.Warning, lines[0].Level);
        Assert.Contains(FilePath, lines[0].Message);
        Assert.Contains("disk I/O error", lines[0].Message);
        Assert.Equal(LogLevel.Information, lines[1].Level);
        Assert.Matches(@"after ([2-9]|\d\d+) failed attempts", lines[1].Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private long HistoryRowsInDatabaseFile()
    {
        using var connection = new SqliteConnection($"Data Source=file:{FilePath}?immutable=1;Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM job_history";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Keeps each line's level and text.</summary>
    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
