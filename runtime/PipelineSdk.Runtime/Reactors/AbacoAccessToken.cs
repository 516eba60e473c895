using PipelineSdk.Tokens;

namespace PipelineSdk.Reactors;

/// <summary>The execution's OAuth bearer token (<c>_abaco_access_token</c>); it never prints itself.</summary>
public sealed class AbacoAccessToken : SecretToken
{
    /// <summary>Wraps a token value.</summary>
    public AbacoAccessToken(string value) : base(value) { }
}
