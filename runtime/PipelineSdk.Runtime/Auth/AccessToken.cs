using PipelineSdk.Tokens;

namespace PipelineSdk.Auth;

/// <summary>An OAuth access token: prints as <c>*****</c>; <see cref="SecretToken.Reveal"/> only where it is sent.</summary>
public sealed class AccessToken : SecretToken
{
    /// <summary>Wraps a token and, when known, the moment it expires.</summary>
    public AccessToken(string value, DateTimeOffset? expiresAt = null) : base(value)
    {
        ExpiresAt = expiresAt;
    }

    /// <summary>When the token expires, if the source knows it.</summary>
    public DateTimeOffset? ExpiresAt { get; }
}
