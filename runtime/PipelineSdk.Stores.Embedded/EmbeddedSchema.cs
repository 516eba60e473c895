using Microsoft.Data.Sqlite;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// The embedded store's tables. A job is one row of <c>jobs</c>: the fields an event changes or a query filters on
/// are columns, the rest of the Python document shape is the JSON text of <c>document</c> (as created). Its history
/// is in <c>job_history</c>, one row per entry, so an event appends a row and never rewrites earlier history.
/// </summary>
internal static class EmbeddedSchema
{
    /// <summary>SQLite's SQLITE_NOTADB: the file is not a database.</summary>
    public const int NotADatabase = 26;

    /// <summary>SQLite's SQLITE_CORRUPT: the database is damaged.</summary>
    public const int Corrupt = 11;

    /// <summary>The schema version written to <c>PRAGMA user_version</c>.</summary>
    private const int Version = 1;

    private static readonly string[] Tables = ["jobs", "job_history", "pipelines"];

    private const string Script = """
        CREATE TABLE IF NOT EXISTS jobs (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            pipeline_uuid TEXT NOT NULL,
            archive_path TEXT NOT NULL,
            child_of TEXT NOT NULL,
            state TEXT NOT NULL,
            last_event TEXT NOT NULL,
            updated INTEGER NOT NULL,
            modified INTEGER NOT NULL,
            visible INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            salt TEXT NOT NULL,
            recent_salts TEXT NOT NULL,
            callback_salt TEXT NOT NULL,
            owner TEXT NOT NULL,
            project TEXT NOT NULL,
            tenant TEXT NOT NULL,
            history_count INTEGER NOT NULL,
            document TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS jobs_pipeline_uuid ON jobs (pipeline_uuid);
        CREATE INDEX IF NOT EXISTS jobs_archive_path ON jobs (archive_path);
        CREATE INDEX IF NOT EXISTS jobs_updated ON jobs (updated, uuid);
        CREATE TABLE IF NOT EXISTS job_history (
            job_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            entry TEXT NOT NULL,
            PRIMARY KEY (job_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS pipelines (
            uuid TEXT PRIMARY KEY,
            document TEXT NOT NULL
        );
        """;

    /// <summary>What an existing file holds.</summary>
    public enum Kind
    {
        /// <summary>A job store.</summary>
        Store,

        /// <summary>A database without any table (for example an empty file): a write may make it a store.</summary>
        Empty,

        /// <summary>A database with tables of something else.</summary>
        Other,
    }

    /// <summary>
    /// Looks at an existing file through a read-only connection, so nothing is written to it. Throws
    /// <see cref="SqliteException"/> (<see cref="NotADatabase"/> or <see cref="Corrupt"/>) when it is not a database.
    /// </summary>
    public static Kind Inspect(string path)
    {
        var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(readOnly.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var names = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        return names.Count == 0 ? Kind.Empty : Tables.All(names.Contains) ? Kind.Store : Kind.Other;
    }

    /// <summary>Creates the tables (inside the caller's immediate transaction; concurrent creators agree).</summary>
    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Script + $"PRAGMA user_version = {Version};";
        command.ExecuteNonQuery();
    }
}
