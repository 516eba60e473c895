using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores;

/// <summary>
/// Opens the job store the typed settings ask for (read them with <see cref="ReactorSettingsLoader"/>):
/// <see cref="MongoJobStore"/> when the config has a <c>mongodb</c> section (<c>authn</c>, or <c>host</c>/<c>port</c>/
/// <c>username</c>/<c>password</c>/<c>database</c>/<c>auth_source</c>), otherwise <see cref="EmbeddedJobStore"/> on the
/// file <c>pipelinesdk.jobs_db</c>. The options come from <c>pipelines.token_policy</c>,
/// <c>pipelines.admin_token_key</c>/<c>_secret</c>/<c>_lifetime</c> and <c>pipelinesdk.store_timeout</c>.
/// </summary>
public static class PipelineJobStores
{
    /// <summary>The embedded store's file name in the user's data directory when <c>pipelinesdk.jobs_db</c> is not set.</summary>
    public const string EmbeddedFileName = "jobs.sqlite";

    /// <summary>
    /// The embedded store's default file: <c>pipelinesdk/jobs.sqlite</c> in
    /// <see cref="Environment.SpecialFolder.LocalApplicationData"/> (<c>~/.local/share</c> on Linux).
    /// </summary>
    /// <exception cref="PipelineJobValidationException">The user's data directory is unknown (no HOME, as in some containers).</exception>
    public static string DefaultEmbeddedFilePath()
    {
        // DoNotVerify: a fresh container's home has no ~/.local/share yet; the store creates the folder.
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data)
            ? throw new PipelineJobValidationException("The user's data directory is unknown, so the embedded job store has no default file; set pipelinesdk:jobs_db (_REACTOR_PIPELINESDK_JOBS_DB).")
            : Path.Combine(data, "pipelinesdk", EmbeddedFileName);
    }

    /// <summary>Opens the store of the canonical settings.</summary>
    /// <param name="settings">The settings, from <see cref="ReactorSettingsLoader.Load(ReactorConfigurationOptions?)"/>.</param>
    /// <param name="loggerFactory">Creates the store's logger; nothing is logged when null.</param>
    /// <param name="clock">The store's clock (and the admin tokens'); the system clock when null.</param>
    /// <exception cref="PipelineJobValidationException">The settings do not describe a store; every problem names its key, never a secret.</exception>
    public static IPipelineJobStore Create(ReactorSettings settings, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(settings.Mongodb, settings.Pipelines, settings.Pipelinesdk, loggerFactory, clock);
    }

    /// <summary>
    /// Opens the store of the three sections that choose it, for a reactor whose own settings record extends the
    /// canonical one (pass its <c>Mongodb</c>, <c>Pipelines</c> and <c>Pipelinesdk</c>).
    /// </summary>
    /// <param name="mongodb">The <c>mongodb</c> section; null (absent) selects the embedded store.</param>
    /// <param name="pipelines">The <c>pipelines</c> section (token policy and admin tokens); null uses the defaults.</param>
    /// <param name="sdk">The <c>pipelinesdk</c> section (embedded file, store timeout); null uses the defaults.</param>
    /// <param name="loggerFactory">Creates the store's logger; nothing is logged when null.</param>
    /// <param name="clock">The store's clock (and the admin tokens'); the system clock when null.</param>
    /// <exception cref="PipelineJobValidationException">The settings do not describe a store; every problem names its key, never a secret.</exception>
    public static IPipelineJobStore Create(
        MongoDbSettings? mongodb,
        PipelinesSettings? pipelines,
        PipelineSdkSettings? sdk,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? clock = null)
    {
        var options = Options(pipelines, sdk, clock);
        return mongodb is not null
            ? new MongoJobStore(MongoStoreSettings.From(mongodb), options, loggerFactory?.CreateLogger<MongoJobStore>())
            : new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = sdk?.JobsDb ?? DefaultEmbeddedFilePath() }, options,
                loggerFactory?.CreateLogger<EmbeddedJobStore>());
    }

    /// <summary>The store options of the settings: token policy, admin tokens, timeout and clock.</summary>
    /// <exception cref="PipelineJobValidationException">Only one of admin key and secret is set, or the lifetime is too long.</exception>
    public static JobStoreOptions Options(PipelinesSettings? pipelines, PipelineSdkSettings? sdk, TimeProvider? clock = null)
    {
        pipelines ??= new PipelinesSettings();
        sdk ??= new PipelineSdkSettings();
        clock ??= TimeProvider.System;
        return new JobStoreOptions
        {
            TokenPolicy = pipelines.TokenPolicy == PipelinesSettingsTokenPolicy.Permissive ? TokenPolicy.Permissive : TokenPolicy.Enforce,
            AdminTokens = AdminTokens(pipelines, clock),
            Timeout = TimeSpan.FromSeconds(sdk.StoreTimeout),
            Clock = clock,
        };
    }

    /// <summary>The deployment's admin key and secret; none configured means every admin operation is refused.</summary>
    private static AdminTokenAuthority? AdminTokens(PipelinesSettings pipelines, TimeProvider clock)
    {
        const string keyKey = "pipelines:admin_token_key", secretKey = "pipelines:admin_token_secret";
        var (key, secret) = (pipelines.AdminTokenKey, pipelines.AdminTokenSecret);
        if (key is null && secret is null)
        {
            return null;
        }

        if (key is null || secret is null)
        {
            throw new PipelineJobValidationException(
                $"{(key is null ? keyKey : secretKey)} is missing: set both {keyKey} and {secretKey}, or neither (admin operations are then refused).");
        }

        if (pipelines.AdminTokenLifetime > int.MaxValue)
        {
            throw new PipelineJobValidationException($"pipelines:admin_token_lifetime must be at most {int.MaxValue} seconds.");
        }

        return new AdminTokenAuthority(
            new AdminTokenOptions { Key = key, Secret = secret, LifetimeSeconds = (int)pipelines.AdminTokenLifetime }, clock);
    }
}
