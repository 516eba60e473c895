namespace PipelineSdk.Transport;

/// <summary>
/// How events reach a job: <see cref="StoreJobEventTransport"/> writes through the job store (the default, as the
/// original), <see cref="RemoteJobEventTransport"/> posts to the events endpoint (a process without database
/// credentials). Both raise the same <see cref="Errors.PipelineJobException"/> subclasses for the same refusals.
/// </summary>
public interface IJobEventTransport
{
    /// <summary>Applies the event.</summary>
    /// <exception cref="Errors.UnknownJobException">No job has the uuid.</exception>
    /// <exception cref="InvalidTransitionException">The event is not allowed from the job's state.</exception>
    /// <exception cref="Errors.InvalidTokenException">The token does not match the job.</exception>
    /// <exception cref="Errors.AdminTokenRequiredException">An admin event without a valid admin token.</exception>
    /// <exception cref="Errors.PipelineJobValidationException">The request was malformed.</exception>
    Task<JobEventResult> SendAsync(JobEventRequest request, CancellationToken cancellationToken = default);
}
