using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Configuration;

/// <summary>Loads and merges the files of a <see cref="YamlConfigurationSource"/>; keys keep their YAML names.</summary>
public sealed class YamlConfigurationProvider : ConfigurationProvider
{
    private readonly YamlConfigurationSource _source;

    /// <summary>Creates the provider for <paramref name="source"/>.</summary>
    public YamlConfigurationProvider(YamlConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    /// <exception cref="ReactorConfigurationException">A file is not valid YAML (the message gives file, line and column).</exception>
    public override void Load()
    {
        var merged = new JsonObject();
        foreach (var path in _source.Paths)
        {
            ConfigurationTree.Merge(merged, YamlConfigurationFile.Load(path));
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        ConfigurationTree.Flatten(merged, null, data);
        Data = data;
    }
}
