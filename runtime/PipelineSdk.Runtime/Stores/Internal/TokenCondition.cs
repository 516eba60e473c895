namespace PipelineSdk.Stores.Internal;

/// <summary>What kind of check an event's token puts into the event's conditional update.</summary>
internal enum TokenConditionKind
{
    /// <summary>No token condition: a Permissive store accepted a wrong or missing token.</summary>
    None,

    /// <summary>A valid admin token: any event, no salt condition.</summary>
    Admin,

    /// <summary>An update token: its salt must be the job's current salt or in its window.</summary>
    UpdateSalt,

    /// <summary>The callback token: its salt must be the job's callback salt.</summary>
    CallbackSalt,

    /// <summary>Token text that must be matched against the stored salts first (one read).</summary>
    Lookup,
}

/// <summary>
/// The token condition of one event. <see cref="Secret"/> holds a salt or token text and never prints.
/// </summary>
internal readonly struct TokenCondition(TokenConditionKind kind, string? secret = null)
{
    /// <summary>The kind of check.</summary>
    public TokenConditionKind Kind { get; } = kind;

    /// <summary>The salt (for salt conditions) or the token text (for <see cref="TokenConditionKind.Lookup"/>).</summary>
    public string? Secret { get; } = secret;

    /// <summary>Only the kind, so the secret cannot reach a log line.</summary>
    public override string ToString() => Kind.ToString();
}
