using System.Text.Json.Nodes;
using PipelineSdk.Http.Tests.Fakes;

namespace PipelineSdk.Http.Tests.Support;

/// <summary>A temporary Agave CLI cache folder with a <c>current</c> file in the CLI's format.</summary>
public sealed class TokenCacheFile : IDisposable
{
    public const string CachedAccessToken = "cached-access-token-7a7a7a";
    public const string CachedRefreshToken = "cached-refresh-token-8b8b8b";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("pipelinesdk-agave-").FullName;

    /// <summary>Writes the file a CLI login leaves: a token pair created at <paramref name="createdAt"/>.</summary>
    public void WriteLogin(Uri baseUrl, DateTimeOffset createdAt, int expiresIn = 14400) =>
        Write(new JsonObject
        {
            ["tenantid"] = "sd2e",
            ["baseurl"] = baseUrl.ToString().TrimEnd('/'),
            ["devurl"] = "",
            ["apikey"] = FakeTapisServer.ApiKey,
            ["apisecret"] = FakeTapisServer.ApiSecret,
            ["username"] = "jdoe",
            ["access_token"] = CachedAccessToken,
            ["refresh_token"] = CachedRefreshToken,
            ["created_at"] = createdAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["expires_in"] = expiresIn,
            ["expires_at"] = "Thu Jan  1 00:00:00 2099",
        });

    public string FilePath => Path.Combine(Directory, "current");

    public JsonObject Read() => JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();

    public void Write(JsonObject document) => File.WriteAllText(FilePath, document.ToJsonString());

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
