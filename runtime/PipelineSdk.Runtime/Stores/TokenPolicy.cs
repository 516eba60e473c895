namespace PipelineSdk.Stores;

/// <summary>How a store treats an event whose update or callback token does not match the job.</summary>
public enum TokenPolicy
{
    /// <summary>
    /// The default: an event must carry a token derived from the job's current salt or one of its recent salts, the
    /// job's callback token (client events only) or a valid admin token; otherwise it raises
    /// <see cref="Errors.InvalidTokenException"/> and writes nothing.
    /// </summary>
    Enforce,

    /// <summary>
    /// The Python behaviour, for deployments mixing Python and C# clients: a wrong or missing token is logged (never
    /// its value) and the event is applied anyway. Admin events still need a valid admin token.
    /// </summary>
    Permissive,
}
