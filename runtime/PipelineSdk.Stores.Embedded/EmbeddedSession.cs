using Microsoft.Data.Sqlite;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// One open connection to the store file that keeps its statements: each SQL text is compiled on its first use and
/// reused after, since compiling a statement costs more than running it. Used by one caller at a time.
/// </summary>
internal sealed class EmbeddedSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>Opens the connection and applies the per-connection settings.</summary>
    public EmbeddedSession(string connectionString, string pragmas)
    {
        Connection = new SqliteConnection(connectionString);
        try
        {
            Connection.Open();
            using var command = Connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
        catch
        {
            Connection.Dispose();
            throw;
        }
    }

    /// <summary>The open connection (for statements built per call, which the caller disposes).</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The kept statement for <paramref name="sql"/>, its parameters set to the values given.</summary>
    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        // A kept statement comes back with the same parameter names: its parameter objects are kept too.
        var kept = command.Parameters;
        if (!SameNames(kept, parameters))
        {
            kept.Clear();
            foreach (var (name, _) in parameters)
            {
                kept.Add(new SqliteParameter { ParameterName = name });
            }
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            kept[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>Runs a kept statement and returns the first column of its first row (null when none).</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters) => Command(sql, parameters).ExecuteScalar();

    /// <summary>Runs a kept statement; true when it changed a row.</summary>
    public bool Execute(string sql, params (string Name, object? Value)[] parameters) => Command(sql, parameters).ExecuteNonQuery() > 0;

    private static bool SameNames(SqliteParameterCollection kept, (string Name, object? Value)[] parameters)
    {
        if (kept.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (kept[i].ParameterName != parameters[i].Name)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Closes the connection; SQLite rolls back a transaction left open.</summary>
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
