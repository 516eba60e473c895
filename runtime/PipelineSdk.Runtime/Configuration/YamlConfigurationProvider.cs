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
    /// <exception cref="ReactorConfigurationException">A file is not valid YAML; every such file is listed with line and column.</exception>
    public override void Load()
    {
        var merged = new JsonObject();
        var problems = new List<string>();
        foreach (var path in _source.Paths)
        {
            try
            {
                ConfigurationTree.Merge(merged, YamlConfigurationFile.Load(path));
            }
            catch (ReactorConfigurationException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new ReactorConfigurationException(problems);
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        ConfigurationTree.Flatten(merged, null, data);
        Data = data;
    }
}
