using PipelineSdk.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds the reactor's configuration (config.yml files, then environment overrides) to a builder.</summary>
public static class ReactorConfigurationExtensions
{
    /// <summary>
    /// Adds the merged config.yml files found by <see cref="ConfigFileSearch.Locate"/> and, above them, the
    /// <c>_REACTOR_*</c> overrides of <see cref="ReactorConfigurationOptions.Keys"/>.
    /// </summary>
    public static IConfigurationBuilder AddReactorConfiguration(this IConfigurationBuilder builder, ReactorConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder
            .Add(new YamlConfigurationSource(ConfigFileSearch.Locate(options)))
            .Add(new EnvironmentOverrideSource(options.Keys, options.Environment));
    }
}
