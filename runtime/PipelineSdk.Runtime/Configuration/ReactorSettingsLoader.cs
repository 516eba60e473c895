using Microsoft.Extensions.Configuration;
using PipelineSdk.Errors;

namespace PipelineSdk.Configuration;

/// <summary>
/// Reads a reactor's typed settings at startup: the merged config.yml files, the <c>_REACTOR_*</c> overrides of the
/// declared keys, then the generated binder. Fails with one <see cref="ReactorConfigurationException"/> listing every
/// problem: invalid YAML (file, line, column), overrides that name no key or do not convert (variable named), and the
/// binder's problems by key path. The binder runs once the files and overrides load, so none of its problems is a
/// side effect of an earlier one (a required key set by an override that could not be read, for example).
/// </summary>
public static class ReactorSettingsLoader
{
    /// <summary>The canonical <see cref="ReactorSettings"/>, for a reactor without a config schema of its own.</summary>
    /// <param name="options">Where config.yml is looked for and which environment is read; null uses the defaults.</param>
    /// <exception cref="ReactorConfigurationException">Lists every configuration problem.</exception>
    public static ReactorSettings Load(ReactorConfigurationOptions? options = null) =>
        Load(ReactorSettingsBinder.Bind, ReactorSettingsBinder.Keys, options);

    /// <summary>
    /// The settings of a reactor's own config schema: pass its generated binder, e.g.
    /// <c>ReactorSettingsLoader.Load(MyReactorSettingsBinder.Bind, MyReactorSettingsBinder.Keys)</c>.
    /// </summary>
    /// <typeparam name="TSettings">The generated settings record.</typeparam>
    /// <param name="bind">The generated <c>Bind</c> method.</param>
    /// <param name="keys">The generated <c>Keys</c> catalogue: the keys environment overrides may set.</param>
    /// <param name="options">Where config.yml is looked for and which environment is read; its <c>Keys</c> are replaced by <paramref name="keys"/>.</param>
    /// <returns>The bound settings.</returns>
    /// <exception cref="ReactorConfigurationException">Lists every configuration problem.</exception>
    public static TSettings Load<TSettings>(Func<IConfiguration, TSettings> bind, IReadOnlyList<ConfigKey> keys, ReactorConfigurationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(keys);
        var configuration = Build((options ?? new ReactorConfigurationOptions()) with { Keys = keys });
        try
        {
            return bind(configuration);
        }
        catch (PipelineJobValidationException e)
        {
            throw new ReactorConfigurationException(e.Problems, e);
        }
    }

    /// <summary>The YAML and override layers, each loaded once first so that both report their problems together.</summary>
    private static IConfigurationRoot Build(ReactorConfigurationOptions options)
    {
        var problems = new List<string>();
        IReadOnlyList<string> files = [];
        Collect(problems, () => files = ConfigFileSearch.Locate(options));
        if (problems.Count > 0)
        {
            // The explicit file is missing: still check the files of the search places.
            files = ConfigFileSearch.Locate(options with { ExplicitPath = null });
        }

        var yaml = new YamlConfigurationSource(files);
        var overrides = new EnvironmentOverrideSource(options.Keys, options.Environment);
        Collect(problems, () => new YamlConfigurationProvider(yaml).Load());
        Collect(problems, () => new EnvironmentOverrideProvider(overrides).Load());
        if (problems.Count > 0)
        {
            throw new ReactorConfigurationException(problems);
        }

        return new ConfigurationBuilder().Add(yaml).Add(overrides).Build();
    }

    private static void Collect(List<string> problems, Action load)
    {
        try
        {
            load();
        }
        catch (ReactorConfigurationException e)
        {
            problems.AddRange(e.Problems);
        }
    }
}
