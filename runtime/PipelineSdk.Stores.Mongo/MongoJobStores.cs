using System.Text;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;

namespace PipelineSdk.Stores.Mongo;

/// <summary>
/// Opens a <see cref="MongoJobStore"/> from the reactor configuration (read it with <see cref="ReactorSettingsLoader"/>):
/// the <c>mongodb</c> section (<c>authn</c>, or <c>host</c>/<c>port</c>/<c>username</c>/<c>password</c>/<c>database</c>/
/// <c>auth_source</c>) says where, <c>pipelines</c> and <c>pipelinesdk</c> give the token policy, admin tokens and timeout.
/// </summary>
public static class MongoJobStores
{
    /// <summary>Opens the store of the canonical settings.</summary>
    /// <param name="settings">The settings, from <see cref="ReactorSettingsLoader.Load(ReactorConfigurationOptions?)"/>.</param>
    /// <param name="loggerFactory">Creates the store's logger; nothing is logged when null.</param>
    /// <param name="clock">The store's clock (and the admin tokens'); the system clock when null.</param>
    /// <exception cref="PipelineJobValidationException">The settings have no <c>mongodb</c> section, or a key is wrong; every problem names its key, never a secret.</exception>
    public static MongoJobStore Open(ReactorSettings settings, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Open(
            settings.Mongodb ?? throw new PipelineJobValidationException("The configuration has no mongodb section, so there is no MongoDB store to open."),
            settings.Pipelines, settings.Pipelinesdk, loggerFactory, clock);
    }

    /// <summary>
    /// Opens the store of the three sections that describe it, for a reactor whose own settings record extends the
    /// canonical one (pass its <c>Mongodb</c>, <c>Pipelines</c> and <c>Pipelinesdk</c>).
    /// </summary>
    /// <param name="mongodb">The <c>mongodb</c> section.</param>
    /// <param name="pipelines">The <c>pipelines</c> section (token policy and admin tokens); null uses the defaults.</param>
    /// <param name="sdk">The <c>pipelinesdk</c> section (store timeout); null uses the defaults.</param>
    /// <param name="loggerFactory">Creates the store's logger; nothing is logged when null.</param>
    /// <param name="clock">The store's clock (and the admin tokens'); the system clock when null.</param>
    /// <exception cref="PipelineJobValidationException">A key is wrong; every problem names its key, never a secret.</exception>
    public static MongoJobStore Open(
        MongoDbSettings mongodb, PipelinesSettings? pipelines, PipelineSdkSettings? sdk, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(mongodb);
        return new MongoJobStore(
            MongoStoreSettings.From(mongodb), JobStoreOptions.FromSettings(pipelines, sdk, clock), loggerFactory?.CreateLogger<MongoJobStore>());
    }

    /// <summary>
    /// The <c>mongodb</c> section for a connection URI given outside config.yml (such as the CLI's <c>--mongo</c>): the
    /// URI as <see cref="MongoDbSettings.Authn"/>, and the database it names, else <c>catalog</c>.
    /// </summary>
    /// <exception cref="PipelineJobValidationException">The URI is not a MongoDB connection URI (the message never repeats it).</exception>
    public static MongoDbSettings SettingsFromConnectionString(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string? database;
        try
        {
            database = MongoUrl.Create(uri).DatabaseName;
        }
        catch (Exception e) when (e is MongoConfigurationException or FormatException or ArgumentException)
        {
            // The driver's message can quote the URI, password included.
            throw new PipelineJobValidationException("The MongoDB connection URI is not valid.");
        }

        var authn = Convert.ToBase64String(Encoding.UTF8.GetBytes(uri)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new MongoDbSettings { Authn = authn, Database = database ?? "catalog" };
    }
}
