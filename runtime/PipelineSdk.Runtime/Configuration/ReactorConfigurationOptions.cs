namespace PipelineSdk.Configuration;

/// <summary>Where <c>config.yml</c> is looked for and which overrides apply.</summary>
public sealed record ReactorConfigurationOptions
{
    /// <summary>The name of the config file in every search directory.</summary>
    public const string FileName = "config.yml";

    /// <summary>
    /// Directories searched for <see cref="FileName"/>, lowest precedence first. By default the original's places:
    /// the package defaults (the application's base directory), <c>/</c>, <c>/etc</c> and the working directory.
    /// </summary>
    public IReadOnlyList<string> SearchDirectories { get; init; } = DefaultSearchDirectories();

    /// <summary>A config file read after the search places (so it wins); it must exist.</summary>
    public string? ExplicitPath { get; init; }

    /// <summary>The declared keys environment overrides are resolved against (the generator's catalogue).</summary>
    public IReadOnlyCollection<ConfigKey> Keys { get; init; } = [];

    /// <summary>The variables overrides are read from; null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The original's search places, in order: package defaults, <c>/</c>, <c>/etc</c>, the working directory.</summary>
    public static IReadOnlyList<string> DefaultSearchDirectories() =>
        [AppContext.BaseDirectory, "/", "/etc", Directory.GetCurrentDirectory()];
}
