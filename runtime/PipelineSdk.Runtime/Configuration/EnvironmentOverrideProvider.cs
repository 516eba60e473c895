using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Configuration;

/// <summary>
/// Serves the overrides of an <see cref="EnvironmentOverrideSource"/>. A list or mapping override replaces the value
/// whole: below an overridden list or mapping this layer answers every key itself, so earlier layers' index keys
/// (a longer list in config.yml) neither show as children nor read through.
/// </summary>
public sealed class EnvironmentOverrideProvider : ConfigurationProvider
{
    private readonly EnvironmentOverrideSource _source;
    private List<string> _replacedPaths = [];

    /// <summary>Creates the provider for <paramref name="source"/>.</summary>
    public EnvironmentOverrideProvider(EnvironmentOverrideSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    /// <exception cref="ReactorConfigurationException">An override names no declared key or does not convert; every problem is listed.</exception>
    public override void Load()
    {
        var environment = _source.Environment ?? ProcessEnvironment.Snapshot();
        var overrides = EnvironmentOverrides.Resolve(_source.Keys, environment, _source.Prefix, _source.IgnoredVariables);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var replaced = new List<string>();
        // Shallower keys first, so an override of a key inside an overridden mapping wins over the mapping's value.
        foreach (var item in overrides.OrderBy(o => o.Key.Path.Count(c => c == ':')))
        {
            if (item.Value is JsonObject or JsonArray)
            {
                replaced.Add(item.Key.Path);
                foreach (var stale in data.Keys.Where(k => IsAtOrBelow(k, item.Key.Path)).ToList())
                {
                    data.Remove(stale);
                }
            }

            ConfigurationTree.Flatten(item.Value, item.Key.Path, data);
        }

        Data = data;
        _replacedPaths = replaced;
    }

    /// <inheritdoc />
    public override bool TryGet(string key, out string? value)
    {
        if (base.TryGet(key, out value))
        {
            return true;
        }

        // Inside a replaced list or mapping, a key this layer does not have does not exist.
        value = null;
        return _replacedPaths.Any(path => IsAtOrBelow(key, path));
    }

    /// <inheritdoc />
    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) =>
        parentPath is not null && _replacedPaths.Any(path => IsAtOrBelow(parentPath, path))
            ? base.GetChildKeys([], parentPath)
            : base.GetChildKeys(earlierKeys, parentPath);

    private static bool IsAtOrBelow(string key, string path) =>
        key.Equals(path, StringComparison.OrdinalIgnoreCase)
        || (key.Length > path.Length
            && key.StartsWith(path, StringComparison.OrdinalIgnoreCase)
            && key[path.Length] == ':');
}
