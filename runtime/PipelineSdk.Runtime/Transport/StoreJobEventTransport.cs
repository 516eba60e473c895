using PipelineSdk.Stores;

namespace PipelineSdk.Transport;

/// <summary>Applies events directly through a job store: one atomic conditional update each (the default transport).</summary>
public sealed class StoreJobEventTransport : IJobEventTransport
{
    private readonly IPipelineJobStore _store;

    /// <summary>Creates the transport over <paramref name="store"/>.</summary>
    public StoreJobEventTransport(IPipelineJobStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public async Task<JobEventResult> SendAsync(JobEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var applied = await _store.ApplyAsync(request.JobUuid, request.Event, request.Data, request.Token, cancellationToken)
            .ConfigureAwait(false);
        return JobEventResult.From(applied);
    }
}
