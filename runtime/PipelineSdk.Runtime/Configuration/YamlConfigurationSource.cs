using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Configuration;

/// <summary>
/// Config.yml files merged in order, later files winning (nested mappings merged, lists and scalars replaced), as
/// one configuration layer. Merging happens on the YAML trees, so a shorter list in a later file leaves no index keys
/// of an earlier, longer one behind.
/// </summary>
public sealed class YamlConfigurationSource : IConfigurationSource
{
    /// <summary>Creates the source for <paramref name="paths"/>, in merge order; every file must exist.</summary>
    public YamlConfigurationSource(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Paths = paths;
    }

    /// <summary>The files, earliest (lowest precedence) first.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(this);
}
