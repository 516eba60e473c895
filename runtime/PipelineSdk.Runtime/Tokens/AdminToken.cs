namespace PipelineSdk.Tokens;

/// <summary>
/// An administrative token: the first 16 hex characters of sha256 over the configured secret, key and the digits of
/// the current time window. Valid in its window and the next. Admin events (<c>reset</c>, <c>ready</c>) and
/// deletion take one as a parameter, so calling them without it does not compile.
/// </summary>
public sealed class AdminToken : SecretToken
{
    /// <summary>Wraps a token value (for example one given by an operator).</summary>
    public AdminToken(string value) : base(value) { }
}
