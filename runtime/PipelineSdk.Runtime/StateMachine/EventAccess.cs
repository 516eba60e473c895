namespace PipelineSdk;

/// <summary>Who may send an event (the <c>access</c> of a transition in <c>x-pipelinejob-fsm</c>).</summary>
public enum EventAccess
{
    /// <summary>Sent only by the SDK itself while creating the job record.</summary>
    Internal,
    /// <summary>Sent by the job's owner with the current update token, or through the callback URL.</summary>
    Client,
    /// <summary>Sent by the indexing process.</summary>
    Indexer,
    /// <summary>Needs a valid administrative token.</summary>
    Admin,
}
