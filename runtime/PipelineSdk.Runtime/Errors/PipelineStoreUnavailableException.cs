namespace PipelineSdk.Errors;

/// <summary>
/// The job store could not be reached or did not answer in time (MongoDB down, server selection timed out, SQLite
/// file locked or unreadable). Retryable: the same call may succeed later. The message names the store and the
/// operation, never a connection string, password, token or salt; the driver's error is the inner exception.
/// </summary>
public sealed class PipelineStoreUnavailableException : PipelineJobException
{
    /// <summary>Creates the exception for an operation the store could not carry out.</summary>
    /// <param name="store">The store's kind, for example <c>MongoDB</c> or <c>SQLite</c>.</param>
    /// <param name="operation">The operation, for example <c>apply 'update' to job 107…</c>.</param>
    /// <param name="mayHaveBeenApplied">Whether a write may have reached the store before the failure.</param>
    /// <param name="innerException">The driver's error.</param>
    public PipelineStoreUnavailableException(string store, string operation, bool mayHaveBeenApplied, Exception innerException)
        : base(Describe(store, operation, mayHaveBeenApplied, innerException), innerException)
    {
        Store = store;
        Operation = operation;
        MayHaveBeenApplied = mayHaveBeenApplied;
    }

    /// <summary>The store's kind (<c>MongoDB</c> or <c>SQLite</c>).</summary>
    public string Store { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>Always true: the store is expected to come back, and the same call may then succeed.</summary>
    public bool IsRetryable => true;

    /// <summary>
    /// True when a write was sent and its answer was lost, so it may have been applied. Read the job before
    /// repeating an event: an update token of a recent salt is still accepted, so a blind repeat can apply it twice.
    /// </summary>
    public bool MayHaveBeenApplied { get; }

    private static string Describe(string store, string operation, bool mayHaveBeenApplied, Exception inner) =>
        $"The {store} job store is unavailable: {operation} failed ({inner.GetType().Name}). " +
        (mayHaveBeenApplied
            ? "The write may have been applied: read the job before retrying."
            : "Nothing was written; retry later.");
}
