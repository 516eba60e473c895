using PipelineSdk.Tokens;

namespace PipelineSdk.Stores;

/// <summary>
/// A store that can cancel a job with the job's own update token: a job still in CREATED with only
/// its <c>create</c> event may be withdrawn by its creator without an admin token. Both built-in stores implement it.
/// </summary>
public interface ICancellableJobStore
{
    /// <summary>
    /// Deletes the job in one conditional delete if it is still in CREATED with only its <c>create</c> event and
    /// <paramref name="token"/> is its update token (current or recent salt).
    /// </summary>
    /// <param name="jobUuid">The job.</param>
    /// <param name="token">The job's update token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when the job was deleted; false (nothing deleted) when it has already received another event.</returns>
    /// <exception cref="Errors.UnknownJobException">No job has this uuid.</exception>
    /// <exception cref="Errors.InvalidTokenException">The token is not the job's update token (Enforce policy); nothing was deleted.</exception>
    Task<bool> CancelAsync(string jobUuid, UpdateToken token, CancellationToken cancellationToken = default);
}
