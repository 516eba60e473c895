using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>
/// The whole suite's secret check. Every secret a test handles (salts, update/callback/admin tokens, nonces, admin key
/// and secret, passwords) is <see cref="Register"/>ed; every log line of the shared <see cref="LoggerFactory"/> and
/// every exception message a test sees is <see cref="Observe"/>d. A secret found in any observed text, whichever came
/// first, is a leak; each test class asserts there are none when it ends (<see cref="SecretCheckedTest"/>).
/// </summary>
public static class SuiteSecrets
{
    private const int MinimumLength = 6; // shorter values match ordinary text by chance
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, byte> Texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> FoundLeaks = new();
    private static readonly Lock Gate = new();
    private static long _observed;

    /// <summary>The logger factory every component under test gets: it captures every line at every level.</summary>
    public static ILoggerFactory LoggerFactory { get; } =
        Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider()));

    /// <summary>How many log lines and exception messages were observed so far.</summary>
    public static long ObservedCount => Interlocked.Read(ref _observed);

    /// <summary>How many distinct secrets were registered so far.</summary>
    public static int SecretCount => Secrets.Count;

    /// <summary>Every leak found so far, as "secret kind … in text".</summary>
    public static IReadOnlyList<string> Leaks => FoundLeaks.ToArray();

    /// <summary>Registers a secret value; texts observed earlier are checked too.</summary>
    public static void Register(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength)
        {
            return;
        }

        lock (Gate)
        {
            if (!Secrets.TryAdd(secret, 0))
            {
                return;
            }

            foreach (var text in Texts.Keys)
            {
                Check(secret, text);
            }
        }
    }

    /// <summary>Observes a log line or message; it is checked against every secret, now and later.</summary>
    public static void Observe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Interlocked.Increment(ref _observed);
        lock (Gate)
        {
            if (!Texts.TryAdd(text, 0))
            {
                return;
            }

            foreach (var secret in Secrets.Keys)
            {
                Check(secret, text);
            }
        }
    }

    /// <summary>Observes an exception's message and those of its inner exceptions.</summary>
    public static void Observe(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            Observe(current.Message);
        }
    }

    private static void Check(string secret, string text)
    {
        if (text.Contains(secret, StringComparison.Ordinal))
        {
            FoundLeaks.Enqueue($"a registered secret ({secret.Length} chars, starting '{secret[..2]}') appears in: {text[..Math.Min(text.Length, 300)]}");
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger();

        public void Dispose()
        {
        }

        private sealed class CapturingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                Observe(state.ToString());
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                Observe(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (_, value) in values)
                    {
                        Observe(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                Observe(exception);
            }
        }
    }
}
