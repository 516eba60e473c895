namespace PipelineSdk.Endpoint;

/// <summary>The permission levels of an Abaco nonce, lowest first.</summary>
public enum NonceLevel
{
    /// <summary>No access.</summary>
    None,

    /// <summary>GET requests.</summary>
    Read,

    /// <summary>POSTs to the messages route: what posting an event needs.</summary>
    Execute,

    /// <summary>Everything.</summary>
    Update,
}
