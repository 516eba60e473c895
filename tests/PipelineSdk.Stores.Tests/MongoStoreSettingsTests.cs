using System.Text;
using MongoDB.Driver;
using PipelineSdk.Errors;
using PipelineSdk.Stores.Mongo;

namespace PipelineSdk.Stores.Tests;

/// <summary>The MongoDB connection settings accept the Python original's <c>mongodb</c> shapes.</summary>
public sealed class MongoStoreSettingsTests
{
    [Fact]
    public void Authn_is_a_url_safe_base64_connection_uri_with_or_without_padding()
    {
        const string uri = "mongodb://catalog:s3cr?t@db.example.org:27020/admin?authSource=admin";
        var authn = Convert.ToBase64String(Encoding.UTF8.GetBytes(uri)).Replace('+', '-').Replace('/', '_');

        foreach (var text in new[] { authn, authn.TrimEnd('=') })
        {
            var settings = new MongoStoreSettings { Authn = text }.ToClientSettings();
            Assert.Equal(new MongoServerAddress("db.example.org", 27020), settings.Server);
            Assert.Equal("catalog", settings.Credential.Username);
        }
    }

    [Fact]
    public void Host_port_and_credentials_build_a_connection_with_the_auth_source()
    {
        var settings = new MongoStoreSettings { Host = "mongo", Port = 27018, Username = "u", Password = "p", AuthSource = "catalog" }.ToClientSettings();

        Assert.Equal(new MongoServerAddress("mongo", 27018), settings.Server);
        Assert.Equal("u", settings.Credential.Username);
        Assert.Equal("catalog", settings.Credential.Source);
        Assert.Equal("catalog", new MongoStoreSettings().Database);
        Assert.Equal(27017, new MongoStoreSettings { Host = "mongo" }.ToClientSettings().Server.Port);
    }

    [Fact]
    public void Missing_or_malformed_settings_name_the_setting_and_never_the_password()
    {
        var none = Assert.Throws<PipelineJobValidationException>(() => new MongoStoreSettings().ToClientSettings());
        Assert.Contains("mongodb:host", none.Message);

        var noPassword = Assert.Throws<PipelineJobValidationException>(() => new MongoStoreSettings { Host = "h", Username = "u" }.ToClientSettings());
        Assert.Contains("mongodb:password", noPassword.Message);

        var badUri = Assert.Throws<PipelineJobValidationException>(() => new MongoStoreSettings { ConnectionString = "http://u:hunter2@x" }.ToClientSettings());
        Assert.Contains("mongodb:connection_string", badUri.Message);
        Assert.DoesNotContain("hunter2", badUri.Message);

        var badAuthn = Assert.Throws<PipelineJobValidationException>(() => new MongoStoreSettings { Authn = "%%%" }.ToClientSettings());
        Assert.Contains("mongodb:authn", badAuthn.Message);
    }
}
