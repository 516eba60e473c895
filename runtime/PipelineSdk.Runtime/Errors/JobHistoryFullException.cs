namespace PipelineSdk.Errors;

/// <summary>
/// The job's record would grow past what the store can hold in one document (MongoDB: 16 MB; the embedded store has
/// its own limit), so its history is full: the store refused the write and nothing was written. The job stays
/// readable; later events on it will be refused the same way unless they are smaller.
/// </summary>
public sealed class JobHistoryFullException : PipelineJobException
{
    /// <summary>Creates the exception for the refused write.</summary>
    /// <param name="operation">What was refused, for example <c>apply 'update' to job 107…</c>.</param>
    /// <param name="store">The store that refused it (<c>MongoDB</c>, <c>LiteDB</c>).</param>
    /// <param name="innerException">The store's own error.</param>
    public JobHistoryFullException(string operation, string store, Exception? innerException = null)
        : base($"Cannot {operation}: the job's record would be larger than {store} stores in one document, so its history is full. Nothing was written.", innerException)
    {
    }
}
