using Microsoft.Extensions.Logging;

namespace PipelineSdk.Logging;

/// <summary>
/// Wraps a logger so that nothing it writes contains a secret: the formatted message, every structured value, the
/// message template, scope values and the exception text all pass through a <see cref="SecretRedactor"/>.
/// </summary>
public sealed class RedactingLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly SecretRedactor _redactor;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public RedactingLogger(ILogger inner, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(redactor);
        _inner = inner;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        _inner.BeginScope(RedactedLogState.Create(state, _redactor.Redact(state.ToString() ?? ""), _redactor));

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = _redactor.Redact(formatter(state, exception));
        var redactedState = RedactedLogState.Create(state, message, _redactor);
        var redactedException = exception is null ? null : new RedactedException(exception, _redactor);
        _inner.Log(logLevel, eventId, redactedState, redactedException, static (s, _) => s.ToString());
    }
}
