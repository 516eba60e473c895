namespace PipelineSdk.Configuration;

/// <summary>Finds the config files to merge, in the original's order.</summary>
internal static class ConfigFileSearch
{
    /// <summary>
    /// The existing <c>config.yml</c> files of <see cref="ReactorConfigurationOptions.SearchDirectories"/> in order
    /// (a directory listed twice is read once, at its first place), then the explicit path.
    /// </summary>
    /// <exception cref="ReactorConfigurationException">The explicit path does not exist.</exception>
    public static IReadOnlyList<string> Locate(ReactorConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<string>();
        foreach (var directory in options.SearchDirectories)
        {
            var path = Path.GetFullPath(Path.Combine(directory, ReactorConfigurationOptions.FileName));
            if (File.Exists(path) && !files.Contains(path, StringComparer.Ordinal))
            {
                files.Add(path);
            }
        }

        if (options.ExplicitPath is { } explicitPath)
        {
            var path = Path.GetFullPath(explicitPath);
            if (!File.Exists(path))
            {
                throw new ReactorConfigurationException($"{path}: the config file given explicitly does not exist");
            }

            files.Remove(path);
            files.Add(path);
        }

        return files;
    }
}
