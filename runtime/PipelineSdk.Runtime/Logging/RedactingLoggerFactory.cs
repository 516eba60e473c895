using Microsoft.Extensions.Logging;

namespace PipelineSdk.Logging;

/// <summary>Wraps a logger factory so that every logger it creates redacts secrets.</summary>
public sealed class RedactingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;

    /// <summary>Wraps <paramref name="inner"/>; the caller keeps owning it.</summary>
    public RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(redactor);
        _inner = inner;
        Redactor = redactor;
    }

    /// <summary>The redactor applied to every logger.</summary>
    public SecretRedactor Redactor { get; }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName), Redactor);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(new RedactingLoggerProvider(provider, Redactor));

    /// <inheritdoc />
    public void Dispose()
    {
        // The wrapped factory belongs to the caller.
    }
}
