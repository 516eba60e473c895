using PipelineSdk.Cli.Arguments;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The one place the CLI reads configuration, as a reactor does: <see cref="ReactorSettingsLoader"/> over config.yml
/// (the search places, or <c>--config FILE</c>) and every <c>_REACTOR_*</c> override of the schema's keys. The store is
/// the one the settings choose (a <c>mongodb</c> section: MongoDB, else the embedded file <c>pipelinesdk.jobs_db</c>);
/// <c>--mongo URI</c> or <c>--db FILE</c> only replace it.
/// </summary>
internal static class CliSettings
{
    /// <summary>The options every store-using verb accepts.</summary>
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("config", OptionKind.Text, "The reactor's config.yml (else /config.yml or ./config.yml, as a reactor finds it)") { ValueName = "FILE", NotEmpty = true },
        new("mongo", OptionKind.Text, "A MongoDB connection URI, in place of the configured store (the database named in it, else catalog)") { ValueName = "URI", NotEmpty = true },
        new("db", OptionKind.Text, "An embedded store file, in place of the configured store") { ValueName = "FILE", NotEmpty = true },
    ];

    /// <summary>The settings with the store overrides applied.</summary>
    /// <exception cref="UsageException">The configuration has problems (all listed on one line, no secret values).</exception>
    public static ReactorSettings Load(VerbInput input, IReadOnlyDictionary<string, string> environment)
    {
        ReactorSettings settings;
        try
        {
            settings = ReactorSettingsLoader.Load(new ReactorConfigurationOptions { ExplicitPath = input.OptionalText("config"), Environment = environment });
        }
        catch (ReactorConfigurationException e)
        {
            throw new UsageException("configuration: " + string.Join("; ", e.Problems));
        }

        var mongo = input.OptionalText("mongo");
        var file = input.OptionalText("db");
        return (mongo, file) switch
        {
            ({ }, { }) => throw new UsageException($"give {input.NameOf("mongo")} or {input.NameOf("db")}, not both"),
            ({ } uri, null) => settings with { Mongodb = MongoSection(uri) },
            (null, { } path) => settings with { Mongodb = null, Pipelinesdk = (settings.Pipelinesdk ?? new PipelineSdkSettings()) with { JobsDb = path } },
            _ => settings,
        };
    }

    /// <summary>Opens the store the settings choose; dispose it when done (the embedded store holds its file open).</summary>
    public static IPipelineJobStore OpenStore(ReactorSettings settings, TimeProvider clock) =>
        settings.Mongodb is not null
            ? MongoJobStores.Open(settings, loggerFactory: null, clock)
            : EmbeddedJobStores.Open(settings, loggerFactory: null, clock);

    private static MongoDbSettings MongoSection(string uri)
    {
        try
        {
            return MongoJobStores.SettingsFromConnectionString(uri);
        }
        catch (PipelineJobValidationException)
        {
            // Never echo the URI (it may hold a password).
            throw new UsageException("--mongo is not a valid MongoDB connection URI");
        }
    }
}
