using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Configuration;

/// <summary>Collects the values of secret keys, so a log redactor can hide them.</summary>
public static class ConfigurationSecrets
{
    /// <summary>The non-empty values at (and below) every key marked <see cref="ConfigKey.Secret"/>.</summary>
    public static IReadOnlyList<string> Collect(IConfiguration configuration, IEnumerable<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(keys);
        var values = new List<string>();
        foreach (var key in keys.Where(k => k.Secret))
        {
            var section = configuration.GetSection(key.Path);
            values.AddRange(section.AsEnumerable().Select(pair => pair.Value).OfType<string>().Where(v => v.Length > 0));
        }

        return values.Distinct(StringComparer.Ordinal).ToList();
    }
}
