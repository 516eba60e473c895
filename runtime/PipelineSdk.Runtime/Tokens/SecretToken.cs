namespace PipelineSdk.Tokens;

/// <summary>
/// A token value that never prints itself: <see cref="ToString"/> is redacted so a token cannot leak into a log
/// line or an exception message by accident. Read <see cref="Reveal"/> only where the value must be sent.
/// </summary>
public abstract class SecretToken : IEquatable<SecretToken>
{
    private readonly string _value;

    /// <summary>Wraps a token value.</summary>
    protected SecretToken(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>
    /// The salt this token was derived from, when a store issued it (never printed). It lets a store check the token
    /// inside its single conditional update, without first reading the job to find which salt the token matches.
    /// </summary>
    internal string? IssuedFromSalt { get; init; }

    /// <summary>The token text, for sending it over the wire or storing it on purpose.</summary>
    public string Reveal() => _value;

    /// <summary>Always <c>*****</c>.</summary>
    public sealed override string ToString() => "*****";

    /// <summary>Compares the values in constant time.</summary>
    public bool Equals(SecretToken? other) =>
        other is not null && other.GetType() == GetType() && TokenComparer.FixedTimeEquals(_value, other._value);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => Equals(obj as SecretToken);

    /// <inheritdoc />
    public sealed override int GetHashCode() => _value.Length;
}
