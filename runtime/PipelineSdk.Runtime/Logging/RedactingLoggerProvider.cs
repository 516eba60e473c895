using Microsoft.Extensions.Logging;

namespace PipelineSdk.Logging;

/// <summary>Wraps a logger provider so that every logger it creates redacts secrets.</summary>
public sealed class RedactingLoggerProvider : ILoggerProvider
{
    private readonly ILoggerProvider _inner;
    private readonly SecretRedactor _redactor;

    /// <summary>Wraps <paramref name="inner"/>; disposing this provider disposes it.</summary>
    public RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(redactor);
        _inner = inner;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName), _redactor);

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
