using System.Text;
using MongoDB.Driver;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;

namespace PipelineSdk.Stores.Mongo;

/// <summary>
/// Where the MongoDB store connects: a connection string, or the Python original's <c>mongodb</c> settings shapes
/// (<c>authn</c> as a base64url connection URI, or host, port, username, password and auth_source).
/// </summary>
public sealed record MongoStoreSettings
{
    /// <summary>A MongoDB connection string (<c>mongodb://…</c>); takes precedence over every other way.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The Python <c>authn</c> key: a connection URI encoded as URL-safe base64 (padding optional).</summary>
    public string? Authn { get; init; }

    /// <summary>Server host name, used when neither a connection string nor <see cref="Authn"/> is given.</summary>
    public string? Host { get; init; }

    /// <summary>Server port (27017 when not given).</summary>
    public int? Port { get; init; }

    /// <summary>User name for authentication with <see cref="Host"/>.</summary>
    public string? Username { get; init; }

    /// <summary>Password for <see cref="Username"/>; never logged.</summary>
    public string? Password { get; init; }

    /// <summary>The authentication database (the Python <c>auth_source</c>; <c>admin</c> when not given).</summary>
    public string? AuthSource { get; init; }

    /// <summary>The database holding the <c>jobs</c> and <c>pipelines</c> collections.</summary>
    public string Database { get; init; } = "catalog";

    /// <summary>The settings of a config.yml <c>mongodb</c> section (its defaults already applied by the binder).</summary>
    public static MongoStoreSettings From(MongoDbSettings section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new MongoStoreSettings
        {
            Authn = section.Authn,
            Host = section.Host,
            Port = checked((int)section.Port),
            Username = section.Username,
            Password = section.Password,
            AuthSource = section.AuthSource,
            Database = section.Database,
        };
    }

    /// <summary>Builds the driver settings, or throws naming which setting is missing or malformed (never a secret).</summary>
    /// <exception cref="PipelineJobValidationException">The settings do not describe a connection.</exception>
    public MongoClientSettings ToClientSettings()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return Parse(ConnectionString, "mongodb:connection_string");
        }

        if (!string.IsNullOrWhiteSpace(Authn))
        {
            return Parse(DecodeAuthn(Authn), "mongodb:authn");
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new PipelineJobValidationException(
                "Unable to parse MongoDB connection details: set mongodb:connection_string, mongodb:authn, or mongodb:host (with port, username, password, auth_source).");
        }

        var settings = new MongoClientSettings { Server = new MongoServerAddress(Host, Port ?? 27017) };
        if (!string.IsNullOrEmpty(Username))
        {
            if (Password is null)
            {
                throw new PipelineJobValidationException("mongodb:password is required when mongodb:username is set.");
            }

            settings.Credential = MongoCredential.CreateCredential(AuthSource ?? "admin", Username, Password);
        }

        return settings;
    }

    private static string DecodeAuthn(string authn)
    {
        var text = authn.Trim().Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new PipelineJobValidationException("mongodb:authn is not URL-safe base64 text.");
        }
    }

    private static MongoClientSettings Parse(string uri, string setting)
    {
        try
        {
            return MongoClientSettings.FromConnectionString(uri);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or FormatException or ArgumentException)
        {
            // The driver's message can quote the URI, password included: keep only the setting's name.
            throw new PipelineJobValidationException($"{setting} is not a valid MongoDB connection URI.");
        }
    }
}
