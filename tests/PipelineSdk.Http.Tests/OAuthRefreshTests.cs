using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PipelineSdk.Agave;
using PipelineSdk.Auth;
using PipelineSdk.Errors;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;
using PipelineSdk.Http;

namespace PipelineSdk.Http.Tests;

public sealed class OAuthRefreshTests
{
    private const string System = "data-sd2e-community";
    private const string Folder = "/products/v2/job-folder";

    [Fact]
    public async Task TwentyConcurrentRejectedRequests_ShareExactlyOneRefresh_AndAllSucceed()
    {
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow);
        ServerHasExpiredTheCachedToken(host);
        host.Server.AddFolder(System, Folder);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Files.ExistsAsync(System, Folder)));

        Assert.All(results, Assert.True);
        Assert.Single(host.Server.TokenRequests);
        // Each request succeeded once with the new token; those that went out with the cached one (normally all 20,
        // fewer only if the machine was so slow that some started after the refresh) were rejected and re-sent once.
        var requests = host.Server.Requests;
        var rejected = requests.Count(r => r.Authorization == "Bearer " + TokenCacheFile.CachedAccessToken);
        Assert.Equal(20, requests.Count(r => r.Authorization == "Bearer issued-access-1-a1b2c3"));
        Assert.Equal(20 + rejected, requests.Count);
        Assert.InRange(rejected, 2, 20);
    }

    [Fact]
    public async Task TheRefreshedPair_IsWrittenBackToTheCacheFile_Atomically_KeepingTheOtherFields()
    {
        var before = DateTimeOffset.UtcNow;
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, before);
        ServerHasExpiredTheCachedToken(host);
        host.Server.IssuedTokenLifetime = 7200;
        host.Server.AddFolder(System, Folder);

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        var written = cache.Read();
        Assert.Equal("issued-access-1-a1b2c3", (string?)written["access_token"]);
        Assert.Equal("issued-refresh-1-d4e5f6", (string?)written["refresh_token"]);
        Assert.Equal("7200", (string?)written["expires_in"]);
        Assert.InRange((long)written["created_at"]!, before.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(FakeTapisServer.ApiKey, (string?)written["apikey"]);
        Assert.Equal(FakeTapisServer.ApiSecret, (string?)written["apisecret"]);
        Assert.Equal("jdoe", (string?)written["username"]);
        Assert.Equal("sd2e", (string?)written["tenantid"]);
        Assert.Equal(["current"], Directory.GetFiles(cache.Directory).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache.FilePath));
        }

        var token = await host.Tokens.GetTokenAsync();
        Assert.Equal("issued-access-1-a1b2c3", token.Reveal());
        Assert.InRange(token.ExpiresAt!.Value, before.AddSeconds(7200), DateTimeOffset.UtcNow.AddSeconds(7201));
    }

    [Fact]
    public async Task ATokenCloseToItsKnownExpiry_IsRefreshedBeforeTheRequest()
    {
        // 14400 s lifetime that started 14370 s ago: 30 s left, under the 60 s margin.
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow.AddSeconds(-14370));
        host.Server.ValidAccessToken = TokenCacheFile.CachedAccessToken;
        host.Server.CurrentRefreshToken = TokenCacheFile.CachedRefreshToken;
        host.Server.AddFolder(System, Folder);

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        Assert.Single(host.Server.TokenRequests);
        Assert.Equal("Bearer issued-access-1-a1b2c3", Assert.Single(host.Server.Requests).Authorization);
    }

    [Fact]
    public async Task ATokenWithTimeLeft_IsNotRefreshed()
    {
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow.AddSeconds(-14000));
        host.Server.ValidAccessToken = TokenCacheFile.CachedAccessToken;
        host.Server.AddFolder(System, Folder);

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        Assert.Empty(host.Server.TokenRequests);
    }

    [Fact]
    public async Task AnApimExpiredTokenFault_TriggersTheRefreshToo()
    {
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow);
        host.Server.ValidAccessToken = TokenCacheFile.CachedAccessToken;
        host.Server.CurrentRefreshToken = TokenCacheFile.CachedRefreshToken;
        host.Server.AddFolder(System, Folder);
        host.Server.Script(ScriptedResponse.Fail(403,
            """<ams:fault xmlns:ams="http://wso2.org/apimanager/security"><ams:code>900903</ams:code><ams:message>Access Token Expired</ams:message></ams:fault>"""));

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        Assert.Single(host.Server.TokenRequests);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task AForbiddenResponseWithoutACredentialsFault_IsNotARefreshReason()
    {
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow);
        host.Server.Script(ScriptedResponse.Fail(403, """{"status":"error","message":"User does not have permission"}"""));

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.Files.ExistsAsync(System, Folder));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty(host.Server.TokenRequests);
    }

    [Fact]
    public async Task TheRequestBody_IsSentAgainAfterTheRefresh()
    {
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow);
        ServerHasExpiredTheCachedToken(host);

        Assert.Equal("exec-1", await host.Abaco.SendMessageAsync("actor", new JsonObject { ["name"] = "run", ["data"] = new JsonObject { ["x"] = 1 } }));

        var requests = host.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("""{"name":"run","data":{"x":1}}""", r.Body));
        Assert.Equal("Bearer issued-access-1-a1b2c3", requests[1].Authorization);
    }

    [Fact]
    public async Task ATokenAnotherProcessAlreadyRefreshed_IsAdoptedWithoutSpendingTheRefreshToken()
    {
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow);
        host.Server.AddFolder(System, Folder);
        await host.Tokens.GetTokenAsync(); // this process now holds the cached token
        var document = cache.Read();
        document["access_token"] = "refreshed-elsewhere-access";
        document["refresh_token"] = "refreshed-elsewhere-refresh";
        cache.Write(document);
        host.Server.ValidAccessToken = "refreshed-elsewhere-access";
        host.Server.CurrentRefreshToken = "refreshed-elsewhere-refresh";

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        Assert.Empty(host.Server.TokenRequests);
        Assert.Equal("Bearer refreshed-elsewhere-access", host.Server.Requests[^1].Authorization);
    }

    [Fact]
    public async Task ARefusedRefresh_RaisesTokenExpired_AndLeavesTheCacheFileAlone()
    {
        using var cache = new TokenCacheFile();
        await using var host = await StartWithCacheAsync(cache, DateTimeOffset.UtcNow);
        host.Server.ValidAccessToken = "a-token-the-cache-does-not-have";
        host.Server.CurrentRefreshToken = "the-refresh-token-was-already-used";
        var before = File.ReadAllText(cache.FilePath);

        var error = await Assert.ThrowsAsync<TokenExpiredException>(() => host.Files.ExistsAsync(System, Folder));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("single-use", error.Message);
        Assert.Contains("invalid_grant", error.ResponseBody);
        Assert.Equal(before, File.ReadAllText(cache.FilePath));
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task AStaticToken_ThatIsRejected_RaisesTokenExpired_WithoutRetrying()
    {
        await using var host = await HttpTestHost.StartAsync(staticToken: "static-token-0123456789");
        host.Server.ValidAccessToken = "not-the-static-one";

        var error = await Assert.ThrowsAsync<TokenExpiredException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("PipelineHttpOptions.AccessToken", error.Message);
        Assert.Contains("cannot be refreshed", error.Message);
        Assert.Contains("Invalid Credentials", error.ResponseBody);
        Assert.Single(host.Server.Requests);
        Assert.Empty(host.Server.TokenRequests);
    }

    [Fact]
    public async Task TheDeployedActorToken_ComesFromAbacoAccessToken_AndCannotBeRefreshed()
    {
        var environment = new Dictionary<string, string> { ["_abaco_access_token"] = "abaco-env-token-4242" };
        await using var host = await HttpTestHost.StartAsync(
            staticToken: null,
            services: s => s.AddSingleton<IAccessTokenProvider>(StaticTokenProvider.FromAbacoEnvironment(environment)));

        Assert.Equal("exec-1", await host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));
        Assert.Equal("Bearer abaco-env-token-4242", host.Server.Requests[0].Authorization);

        host.Server.ValidAccessToken = "rotated-by-abaco";
        var error = await Assert.ThrowsAsync<TokenExpiredException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));
        Assert.Contains("_abaco_access_token", error.Message);
        Assert.False(host.Tokens.CanRefresh);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TheDeployedActorToken_MissingOrEmpty_IsAClearError(string? value)
    {
        var environment = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["_abaco_access_token"] = value };

        var error = Assert.Throws<PipelineJobValidationException>(() => StaticTokenProvider.FromAbacoEnvironment(environment));

        Assert.StartsWith("_abaco_access_token:", error.Message);
    }

    [Fact]
    public async Task AMissingCacheFile_IsAClearErrorNamingIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipelinesdk-no-such-cache-" + Guid.NewGuid().ToString("N"));
        await using var host = await HttpTestHost.StartAsync(o => o.TokenCacheDirectory = folder, staticToken: null);

        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() => host.Files.ExistsAsync(System, Folder));

        Assert.Contains(Path.Combine(folder, "current"), error.Message);
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("/configured", "/tapis", "/agave", "/configured")]
    [InlineData(null, "/tapis", "/agave", "/tapis")]
    [InlineData(null, "", "/agave", "/agave")]
    [InlineData(null, null, null, "~/.agave")]
    public void TheCacheFolder_FollowsTheCliOrder(string? configured, string? tapis, string? agave, string expected)
    {
        var environment = new Dictionary<string, string?> { ["TAPIS_CACHE_DIR"] = tapis, ["AGAVE_CACHE_DIR"] = agave };

        var folder = AgaveCacheTokenProvider.ResolveCacheDirectory(configured, name => environment.GetValueOrDefault(name));

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(expected.Replace("~", home), folder);
    }

    /// <summary>The server rejects the cached access token but still accepts the cached (unused) refresh token.</summary>
    private static void ServerHasExpiredTheCachedToken(HttpTestHost host)
    {
        host.Server.ValidAccessToken = "a-token-the-cache-does-not-have";
        host.Server.CurrentRefreshToken = TokenCacheFile.CachedRefreshToken;
    }

    private static async Task<HttpTestHost> StartWithCacheAsync(TokenCacheFile cache, DateTimeOffset createdAt)
    {
        // The cache's baseurl points at the fake server, which has its port only once started.
        var host = await HttpTestHost.StartAsync(o => o.TokenCacheDirectory = cache.Directory, staticToken: null);
        cache.WriteLogin(host.Server.BaseUri, createdAt);
        return host;
    }
}
