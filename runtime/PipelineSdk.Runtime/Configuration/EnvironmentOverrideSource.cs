using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Configuration;

/// <summary>
/// The configuration layer of <c>_REACTOR_*</c> environment overrides, resolved against a declared key
/// set and converted to each key's type. Add it after the YAML layer.
/// </summary>
public sealed class EnvironmentOverrideSource : IConfigurationSource
{
    /// <summary>The prefix of override variables.</summary>
    public const string DefaultPrefix = "_REACTOR";

    /// <summary>Creates the source for <paramref name="keys"/>.</summary>
    /// <param name="keys">The declared keys (the catalogue the source generator emits for the config schema).</param>
    /// <param name="environment">The variables to read; null reads the process environment when loading.</param>
    public EnvironmentOverrideSource(IReadOnlyCollection<ConfigKey> keys, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
        Environment = environment;
    }

    /// <summary>The declared keys.</summary>
    public IReadOnlyCollection<ConfigKey> Keys { get; }

    /// <summary>The variables to read; null means the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; }

    /// <summary>The prefix of override variables; <c>_REACTOR</c> unless changed.</summary>
    public string Prefix { get; init; } = DefaultPrefix;

    /// <summary>
    /// Variables with the prefix that are not overrides. By default <c>_REACTOR_TEMP</c>, which the classic reactors
    /// base image sets to its scratch directory.
    /// </summary>
    public IReadOnlyCollection<string> IgnoredVariables { get; init; } = ["_REACTOR_TEMP"];

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EnvironmentOverrideProvider(this);
}
