using System.Threading.RateLimiting;

namespace PipelineSdk.Endpoint;

/// <summary>A fixed-window limit of message posts per client key (the remote address).</summary>
internal sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ClientRateLimiter(PipelineJobEventsOptions options)
    {
        if (options.RateLimitPermits == 0)
        {
            return;
        }

        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = options.RateLimitWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>True when the client may post now; false when its window is used up.</summary>
    public bool TryAcquire(string client)
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
