using MongoDB.Driver;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The one place the CLI chooses its job store: <c>--mongo URI</c> opens MongoDB (the database named in the URI,
/// else <c>catalog</c>); otherwise <c>--db FILE</c> or the default file
/// <c>&lt;LocalApplicationData&gt;/pipelinesdk/jobs.db</c> opens the embedded store.
/// </summary>
internal static class StoreSelection
{
    /// <summary>The options every store-using verb accepts.</summary>
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("mongo", OptionKind.Text, "A MongoDB connection URI (the database named in it, else catalog)") { ValueName = "URI", NotEmpty = true },
        new("db", OptionKind.Text, "The embedded store's file (else <LocalApplicationData>/pipelinesdk/jobs.db)") { ValueName = "FILE", NotEmpty = true },
    ];

    /// <summary>The embedded store's default file.</summary>
    public static string DefaultFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "pipelinesdk", "jobs.db");

    /// <summary>Opens the selected store; dispose it when done (the embedded store holds its file open).</summary>
    public static IPipelineJobStore Open(VerbInput input, Func<string, string?> environment, TimeProvider clock)
    {
        var options = new JobStoreOptions { AdminTokens = AdminCredentials.Authority(environment, clock), Clock = clock };
        var mongo = input.OptionalText("mongo");
        var file = input.OptionalText("db");
        if (mongo is not null && file is not null)
        {
            throw new UsageException($"give {input.NameOf("mongo")} or {input.NameOf("db")}, not both");
        }

        if (mongo is not null)
        {
            return new MongoJobStore(new MongoStoreSettings { ConnectionString = mongo, Database = DatabaseOf(mongo) }, options);
        }

        file ??= DefaultFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        return new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file }, options);
    }

    private static string DatabaseOf(string uri)
    {
        try
        {
            return MongoUrl.Create(uri).DatabaseName ?? "catalog";
        }
        catch (Exception e) when (e is MongoConfigurationException or FormatException or ArgumentException)
        {
            // Never echo the URI (it may hold a password).
            throw new UsageException("--mongo is not a valid MongoDB connection URI");
        }
    }
}
