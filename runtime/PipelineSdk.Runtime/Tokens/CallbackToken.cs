namespace PipelineSdk.Tokens;

/// <summary>
/// A job's callback token: derived like an update token, but from the job's callback salt, which never rotates.
/// It is put in the callback URL and is valid for client events through the events endpoint only.
/// </summary>
public sealed class CallbackToken : SecretToken
{
    /// <summary>Wraps a token value.</summary>
    public CallbackToken(string value) : base(value) { }
}
