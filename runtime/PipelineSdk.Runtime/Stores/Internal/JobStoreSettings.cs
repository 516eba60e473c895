using Microsoft.Extensions.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Internal;

/// <summary>
/// What <see cref="PipelineJobStores"/> reads from configuration: the MongoDB connection when a <c>mongodb</c> section
/// is given (else the embedded store's file) and the store options from the <c>pipelines</c> section.
/// </summary>
/// <param name="Mongo">The MongoDB settings, or null for the embedded store.</param>
/// <param name="EmbeddedFilePath">The embedded store's file when <paramref name="Mongo"/> is null.</param>
/// <param name="Options">Token policy and admin tokens.</param>
internal sealed record JobStoreSettings(MongoStoreSettings? Mongo, string? EmbeddedFilePath, JobStoreOptions Options)
{
    /// <summary>Reads the settings by explicit key paths; every problem found is reported in one exception.</summary>
    /// <exception cref="PipelineJobValidationException">A key is malformed; each problem names its key, never a secret.</exception>
    public static JobStoreSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var reader = new ConfigurationReader(configuration);
        var mongo = reader.HasSection("mongodb") ? ReadMongo(reader) : null;
        var embeddedFile = mongo is null ? ReadEmbeddedFilePath(reader) : null;
        var options = new JobStoreOptions { TokenPolicy = ReadTokenPolicy(reader), AdminTokens = ReadAdminTokens(reader) };
        if (reader.Problems.Count > 0)
        {
            throw new PipelineJobValidationException(reader.Problems);
        }

        return new JobStoreSettings(mongo, embeddedFile, options);
    }

    private static MongoStoreSettings ReadMongo(ConfigurationReader reader)
    {
        // Defaults as the reactor config schema declares them.
        var settings = new MongoStoreSettings
        {
            Authn = reader.Text("mongodb:authn"),
            Host = reader.Text("mongodb:host") ?? "localhost",
            Port = reader.Integer("mongodb:port", 1, 65535),
            Username = reader.Text("mongodb:username"),
            Password = reader.Text("mongodb:password"),
            AuthSource = reader.Text("mongodb:auth_source"),
            Database = reader.Text("mongodb:database") ?? "catalog",
        };
        try
        {
            settings.ToClientSettings();
        }
        catch (PipelineJobValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                reader.Add(problem);
            }
        }

        return settings;
    }

    private static string? ReadEmbeddedFilePath(ConfigurationReader reader)
    {
        if (reader.Text(PipelineJobStores.EmbeddedFileKey) is { } path)
        {
            return path;
        }

        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(data))
        {
            reader.Add($"The user's data directory is unknown, so the embedded job store has no default file; set {PipelineJobStores.EmbeddedFileKey}.");
            return null;
        }

        return Path.Combine(data, "pipelinesdk", "jobs.db");
    }

    private static TokenPolicy ReadTokenPolicy(ConfigurationReader reader)
    {
        const string key = "pipelines:token_policy";
        switch (reader.Text(key)?.Trim().ToLowerInvariant())
        {
            case null or "enforce":
                return TokenPolicy.Enforce;
            case "permissive":
                return TokenPolicy.Permissive;
            default:
                reader.Add($"{key} must be 'enforce' or 'permissive'; got '{reader.Text(key)}'.");
                return TokenPolicy.Enforce;
        }
    }

    private static AdminTokenAuthority? ReadAdminTokens(ConfigurationReader reader)
    {
        const string keyKey = "pipelines:admin_token_key";
        const string secretKey = "pipelines:admin_token_secret";
        var lifetime = reader.Integer("pipelines:admin_token_lifetime", 1, int.MaxValue);
        var key = reader.Text(keyKey);
        var secret = reader.Text(secretKey);
        if (key is null && secret is null)
        {
            // No built-in key: without configured ones, every admin operation is refused.
            return null;
        }

        if (key is null || secret is null)
        {
            reader.Add($"{(key is null ? keyKey : secretKey)} is missing: set both {keyKey} and {secretKey}, or neither (admin operations are then refused).");
            return null;
        }

        return new AdminTokenAuthority(new AdminTokenOptions { Key = key, Secret = secret, LifetimeSeconds = lifetime ?? AdminTokens.DefaultLifetimeSeconds });
    }
}
