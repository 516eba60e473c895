namespace PipelineSdk.Tokens;

/// <summary>
/// A job's update token: the first 16 hex characters of sha256(salt + ":" + repr([uuid, _admin])).
/// It changes after every event; the SDK's job objects always hold the newest.
/// </summary>
public sealed class UpdateToken : SecretToken
{
    /// <summary>Wraps a token value.</summary>
    public UpdateToken(string value) : base(value) { }
}
