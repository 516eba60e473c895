using PipelineSdk.Tokens;

namespace PipelineSdk.Jobs;

/// <summary>
/// Receives each new update token of a job, so a reactor can persist it (for example in its actor state) for a later
/// execution. The job object keeps the newest token itself; a sink is only needed across processes. Implementations
/// must not log the token.
/// </summary>
public interface IUpdateTokenSink
{
    /// <summary>Called after every event (and after setup) with the job's newest update token.</summary>
    /// <param name="jobUuid">The job.</param>
    /// <param name="token">Its newest update token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task UpdateTokenChangedAsync(string jobUuid, UpdateToken token, CancellationToken cancellationToken);
}
