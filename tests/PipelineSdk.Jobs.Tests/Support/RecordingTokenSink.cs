using PipelineSdk.Jobs;
using PipelineSdk.Tokens;

namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>Keeps every token a job hands over.</summary>
public sealed class RecordingTokenSink : IUpdateTokenSink
{
    public List<(string Uuid, UpdateToken Token)> Tokens { get; } = [];

    public Task UpdateTokenChangedAsync(string jobUuid, UpdateToken token, CancellationToken cancellationToken)
    {
        Tokens.Add((jobUuid, token));
        return Task.CompletedTask;
    }
}
