using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PipelineSdk.Reactors.Tests.Support;

/// <summary>
/// Records everything a log sink could write: the formatted message, every structured value, every scope value and
/// the exception's full text.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string AllText => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        private readonly List<object> _scopes = [];

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            _scopes.Add(state);
            owner._lines.Enqueue($"scope: {state}{Values(state)}");
            return new Scope(() => _scopes.Remove(state));
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{Values(state)}{(exception is null ? "" : " | " + exception)}");
        }

        private static string Values(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? " | " + string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
    }

    private sealed class Scope(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
