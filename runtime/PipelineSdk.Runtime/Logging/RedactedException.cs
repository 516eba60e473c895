namespace PipelineSdk.Logging;

/// <summary>
/// Stands in for a logged exception: same type name, message and stack trace, with every secret redacted, because
/// log providers print <see cref="Exception.ToString"/> as it is.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException(Exception original, SecretRedactor redactor)
        : base(redactor.Redact(original.Message))
    {
        _text = redactor.Redact(original.ToString());
        OriginalType = original.GetType();
    }

    /// <summary>The type of the exception that was logged.</summary>
    public Type OriginalType { get; }

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
