using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSdk.Errors;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint;

/// <summary>
/// A health check of the registered <see cref="IPipelineJobStore"/>: Healthy when its database answers
/// (<see cref="IPipelineJobStore.PingAsync"/>), Unhealthy when it does not answer within the store's timeout or the
/// embedded file is not a usable job store. Registered by <c>AddPipelineJobEvents</c> as <c>pipelinejobs-store</c>.
/// </summary>
public sealed class PipelineJobStoreHealthCheck(IPipelineJobStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The job store answers.");
        }
        catch (PipelineJobException error)
        {
            // The store's messages name the database and the operation, never a credential.
            return new HealthCheckResult(context.Registration.FailureStatus, error.Message, error);
        }
    }
}
