using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;

namespace PipelineSdk.Stores.Embedded;

/// <summary>
/// Opens an <see cref="EmbeddedJobStore"/> from the reactor configuration (read it with
/// <see cref="ReactorSettingsLoader"/>): the file <c>pipelinesdk.jobs_db</c> (else <see cref="DefaultFilePath"/>), with
/// the token policy, admin tokens and timeout of <c>pipelines</c> and <c>pipelinesdk</c>.
/// </summary>
public static class EmbeddedJobStores
{
    /// <summary>The store's file name in the user's data directory when <c>pipelinesdk.jobs_db</c> is not set.</summary>
    public const string FileName = "jobs.sqlite";

    /// <summary>
    /// The default file: <c>pipelinesdk/jobs.sqlite</c> in <see cref="Environment.SpecialFolder.LocalApplicationData"/>
    /// (<c>~/.local/share</c> on Linux).
    /// </summary>
    /// <exception cref="PipelineJobValidationException">The user's data directory is unknown (no HOME, as in some containers).</exception>
    public static string DefaultFilePath()
    {
        // DoNotVerify: a fresh container's home has no ~/.local/share yet; the store creates the folder.
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data)
            ? throw new PipelineJobValidationException("The user's data directory is unknown, so the embedded job store has no default file; set pipelinesdk:jobs_db (_REACTOR_PIPELINESDK_JOBS_DB).")
            : Path.Combine(data, "pipelinesdk", FileName);
    }

    /// <summary>Opens the store of the canonical settings.</summary>
    /// <param name="settings">The settings, from <see cref="ReactorSettingsLoader.Load(ReactorConfigurationOptions?)"/>.</param>
    /// <param name="loggerFactory">Creates the store's logger; nothing is logged when null.</param>
    /// <param name="clock">The store's clock (and the admin tokens'); the system clock when null.</param>
    /// <exception cref="PipelineJobValidationException">A key is wrong; every problem names its key, never a secret.</exception>
    public static EmbeddedJobStore Open(ReactorSettings settings, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Open(settings.Pipelines, settings.Pipelinesdk, loggerFactory, clock);
    }

    /// <summary>
    /// Opens the store of the two sections that describe it, for a reactor whose own settings record extends the
    /// canonical one (pass its <c>Pipelines</c> and <c>Pipelinesdk</c>).
    /// </summary>
    /// <param name="pipelines">The <c>pipelines</c> section (token policy and admin tokens); null uses the defaults.</param>
    /// <param name="sdk">The <c>pipelinesdk</c> section (file and timeout); null uses the defaults.</param>
    /// <param name="loggerFactory">Creates the store's logger; nothing is logged when null.</param>
    /// <param name="clock">The store's clock (and the admin tokens'); the system clock when null.</param>
    /// <exception cref="PipelineJobValidationException">A key is wrong; every problem names its key, never a secret.</exception>
    public static EmbeddedJobStore Open(PipelinesSettings? pipelines, PipelineSdkSettings? sdk, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        var options = JobStoreOptions.FromSettings(pipelines, sdk, clock);
        return new EmbeddedJobStore(
            new EmbeddedStoreOptions { FilePath = sdk?.JobsDb ?? DefaultFilePath(), LockTimeout = options.Timeout },
            options,
            loggerFactory?.CreateLogger<EmbeddedJobStore>());
    }
}
