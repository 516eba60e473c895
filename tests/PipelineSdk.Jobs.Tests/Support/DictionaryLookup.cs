using PipelineSdk.Jobs;

namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>A catalog of a few records: identifier → typed UUID, for metadata and for inputs.</summary>
public sealed class DictionaryLookup : IIdentifierLookup
{
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Inputs { get; } = new(StringComparer.Ordinal);

    public List<string> Asked { get; } = [];

    public Task<string?> FindMetadataAsync(string identifier, CancellationToken cancellationToken)
    {
        Asked.Add(identifier);
        return Task.FromResult(Metadata.GetValueOrDefault(identifier));
    }

    public Task<string?> FindInputAsync(string identifier, CancellationToken cancellationToken)
    {
        Asked.Add(identifier);
        return Task.FromResult(Inputs.GetValueOrDefault(identifier));
    }
}
