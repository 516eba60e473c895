using System.Text.Json.Nodes;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;

namespace PipelineSdk.Http.Tests;

/// <summary>
/// Drives every path that touches a secret (refresh, refused refresh, nonce posts, callback URLs with job tokens,
/// static-token rejection, retries and final failures) with logging on at Trace for every category, the
/// IHttpClientFactory's own loggers included, and checks that no secret appears in a log line, a structured value,
/// a logged exception or an exception message.
/// </summary>
public sealed class SecretsNeverLeakTests
{
    private const string System = "data-sd2e-community";
    private const string Nonce = "TACC-PROD_5ecretN0nceValue";
    private const string JobToken = "0dc73dc3ff39b49a";
    private const string StaticToken = "static-token-0123456789";

    private static readonly string[] Secrets =
    [
        TokenCacheFile.CachedAccessToken, TokenCacheFile.CachedRefreshToken, FakeTapisServer.ApiSecret,
        "issued-access-1-a1b2c3", "issued-refresh-1-d4e5f6", Nonce, JobToken, StaticToken,
    ];

    [Fact]
    public async Task RefreshableTokenFlows_LeakNoSecret()
    {
        using var cache = new TokenCacheFile();
        await using var host = await HttpTestHost.StartAsync(o =>
        {
            o.TokenCacheDirectory = cache.Directory;
            o.MaxAttempts = 2;
        }, staticToken: null);
        cache.WriteLogin(host.Server.BaseUri, DateTimeOffset.UtcNow);
        host.Server.ValidAccessToken = "not-the-cached-one";
        host.Server.CurrentRefreshToken = TokenCacheFile.CachedRefreshToken;
        host.Server.ValidNonce = Nonce;
        host.Server.AddFolder(System, "/products/v2/job");
        var errors = new List<Exception>();

        await host.Files.ListAsync(System, "/products/v2/job", recursive: true); // 401, refresh, retry
        await host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!, nonce: Nonce);
        host.Server.Script(ScriptedResponse.Fail(500, $$"""{"message":"echo {{Nonce}}"}""")); // a message is not re-sent after a 500
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!, nonce: Nonce)));
        host.Server.Script(ScriptedResponse.Fail(400, $$"""{"message":"bad token {{JobToken}} or nonce {{Nonce}}"}"""));
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => host.Abaco.PostToUrlAsync(
            new Uri(host.Server.BaseUri, $"/actors/v2/manager/messages?x-nonce={Nonce}&token={JobToken}&uuid=1073f4ff"), new JsonObject())));
        host.Server.ValidAccessToken = "rotated-again";
        host.Server.CurrentRefreshToken = "spent";
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => host.Files.ExistsAsync(System, "/products/v2/job"))); // refused refresh

        Assert.Single(host.Server.TokenRequests, r => r.Body.Contains(TokenCacheFile.CachedRefreshToken));
        AssertNoSecretIn(host.Logs, errors);
    }

    [Fact]
    public async Task StaticTokenFlows_LeakNoSecret()
    {
        await using var host = await HttpTestHost.StartAsync(o => o.MaxAttempts = 2, staticToken: StaticToken);
        host.Server.ValidAccessToken = StaticToken;
        var errors = new List<Exception>();

        await host.Abaco.SendMessageAsync("actor", new JsonObject { ["token"] = JobToken });
        // Each failure ends its send: a message is not re-sent once Abaco may have it.
        host.Server.Script(ScriptedResponse.Reset());
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!)));
        host.Server.Script(ScriptedResponse.Fail(502, $"upstream saw Bearer {StaticToken}"));
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!)));
        host.Server.ValidAccessToken = "rotated";
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!)));

        AssertNoSecretIn(host.Logs, errors);
    }

    private static void AssertNoSecretIn(CapturingLoggerProvider logs, IEnumerable<Exception> errors)
    {
        var lines = logs.Lines;
        Assert.NotEmpty(lines);
        Assert.Contains(lines, line => line.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            foreach (var secret in Secrets)
            {
                Assert.False(line.AllText.Contains(secret, StringComparison.Ordinal), $"secret {secret[..6]}… in log line: {line.AllText}");
            }
        }

        foreach (var error in errors)
        {
            for (var e = error; e is not null; e = e.InnerException)
            {
                foreach (var secret in Secrets)
                {
                    Assert.False(e.Message.Contains(secret, StringComparison.Ordinal), $"secret {secret[..6]}… in {e.GetType().Name}: {e.Message}");
                }
            }
        }
    }
}
