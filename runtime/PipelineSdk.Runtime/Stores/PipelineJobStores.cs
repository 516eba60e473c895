using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Internal;
using PipelineSdk.Stores.Mongo;

namespace PipelineSdk.Stores;

/// <summary>
/// Opens the job store that configuration asks for: <see cref="MongoJobStore"/> when the reactor config has a
/// <c>mongodb</c> section (<c>authn</c>, or <c>host</c>/<c>port</c>/<c>username</c>/<c>password</c>/<c>database</c>/
/// <c>auth_source</c>), otherwise <see cref="EmbeddedJobStore"/> on one SQLite file. Options come from the
/// <c>pipelines</c> section: <c>token_policy</c> and <c>admin_token_key</c>/<c>_secret</c>/<c>_lifetime</c>.
/// </summary>
public static class PipelineJobStores
{
    /// <summary>
    /// The configuration key of the embedded store's file. Without it the file is <c>pipelinesdk/jobs.db</c> in the
    /// user's data directory (<see cref="Environment.SpecialFolder.LocalApplicationData"/>).
    /// </summary>
    public const string EmbeddedFileKey = "pipelinesdk:jobs_db";

    /// <summary>
    /// Reads the store settings by their key paths and opens the store. Admin key and secret have no defaults:
    /// without them every admin operation raises <see cref="AdminTokenRequiredException"/>.
    /// </summary>
    /// <param name="configuration">The configuration (for example the reactor's config.yml with its overrides).</param>
    /// <param name="loggerFactory">Creates the store's logger; nothing is logged when null.</param>
    /// <exception cref="PipelineJobValidationException">
    /// A setting is malformed or incomplete; every problem is listed and names its key (for example <c>mongodb:port</c>),
    /// never a secret value.
    /// </exception>
    public static IPipelineJobStore Create(IConfiguration configuration, ILoggerFactory? loggerFactory = null)
    {
        var settings = JobStoreSettings.Read(configuration);
        return settings.Mongo is { } mongo
            ? new MongoJobStore(mongo, settings.Options, loggerFactory?.CreateLogger<MongoJobStore>())
            : new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = settings.EmbeddedFilePath! }, settings.Options,
                loggerFactory?.CreateLogger<EmbeddedJobStore>());
    }
}
