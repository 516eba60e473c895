using System.Text;
using MongoDB.Driver;
using PipelineSdk.Errors;

namespace PipelineSdk.Configuration;

/// <summary>The <c>mongodb</c> section; the generated part holds its keys.</summary>
public partial record MongoDbSettings
{
    /// <summary>
    /// The section for a connection URI given outside config.yml (such as the CLI's <c>--mongo</c>): the URI as
    /// <see cref="Authn"/>, and the database it names, else <c>catalog</c>.
    /// </summary>
    /// <exception cref="PipelineJobValidationException">The URI is not a MongoDB connection URI (the message never repeats it).</exception>
    public static MongoDbSettings FromConnectionString(string uri)
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
