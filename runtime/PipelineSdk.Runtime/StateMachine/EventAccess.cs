namespace PipelineSdk;

/// <summary>
/// Who may send an event. Mirrors the <c>access</c> of each transition in the schema's <c>x-pipelinejob-fsm</c>.
/// </summary>
public enum EventAccess
{
    /// <summary>Sent only by the SDK itself while creating the job record (<c>create</c>).</summary>
    Internal,
    /// <summary>
    /// Sent by the job's owner with the current update token, or through the callback URL with the callback token.
    /// </summary>
    Client,
    /// <summary>Sent by the indexing process (<c>index</c>, <c>indexed</c>).</summary>
    Indexer,
    /// <summary>Needs a valid administrative token (<c>reset</c>, <c>ready</c>).</summary>
    Admin,
}
