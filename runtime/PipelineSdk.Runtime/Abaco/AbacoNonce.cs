using PipelineSdk.Tokens;

namespace PipelineSdk.Abaco;

/// <summary>The Abaco nonce the message was sent with (<c>x-nonce</c>); anyone holding it can message the actor, so it never prints itself.</summary>
public sealed class AbacoNonce : SecretToken
{
    /// <summary>Wraps a nonce id.</summary>
    public AbacoNonce(string value) : base(value) { }
}
