using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PipelineSdk.Abaco;
using PipelineSdk.Agave;
using PipelineSdk.Auth;
using PipelineSdk.Errors;
using PipelineSdk.Http;

namespace PipelineSdk.Http.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddPipelineSdkHttp_RegistersTheClientsAndPicksTheTokenSourceFromTheOptions()
    {
        using var withToken = Build(o => o.AccessToken = "static-token-0123456789");
        using var withCache = Build(o =>
        {
            o.AccessToken = null;
            o.TokenCacheDirectory = "/nonexistent";
        });

        Assert.NotNull(withToken.GetRequiredService<AbacoClient>());
        Assert.NotNull(withToken.GetRequiredService<AgaveFilesClient>());
        Assert.NotNull(withToken.GetRequiredService<AgaveJobsClient>());
        Assert.IsType<StaticTokenProvider>(withToken.GetRequiredService<IAccessTokenProvider>());
        var cacheProvider = Assert.IsType<AgaveCacheTokenProvider>(withCache.GetRequiredService<IAccessTokenProvider>());
        Assert.Equal("/nonexistent/current", cacheProvider.CacheFile);
    }

    [Fact]
    public void AddPipelineSdkHttp_KeepsATokenProviderRegisteredBefore()
    {
        var mine = StaticTokenProvider.FromAbacoEnvironment(new Dictionary<string, string> { ["_abaco_access_token"] = "abcdefgh" });
        var services = new ServiceCollection().AddLogging().AddSingleton<IAccessTokenProvider>(mine);
        using var provider = services.AddPipelineSdkHttp(o => o.AccessToken = "other-token").BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IAccessTokenProvider>());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 0)]
    public void InvalidOptions_AreReportedWithTheSettingName(int maxAttempts, int pageSize)
    {
        using var provider = Build(o =>
        {
            o.MaxAttempts = maxAttempts;
            o.ListingPageSize = pageSize;
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AbacoClient>());

        Assert.Contains(maxAttempts == 0 ? "MaxAttempts" : "ListingPageSize", error.Message);
    }

    [Fact]
    public async Task AMissingApiServer_IsAClearErrorBeforeAnythingIsSent()
    {
        using var provider = Build(o => o.ApiServer = null);

        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            provider.GetRequiredService<AbacoClient>().SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Contains("PipelineHttpOptions.ApiServer", error.Message);
    }

    [Fact]
    public void AnAllowedRootThatIsNotAbsolute_IsReportedWithItsIndex()
    {
        using var provider = Build(o => o.AllowedRoots.Add("relative/root"));

        var error = Assert.Throws<PipelineJobValidationException>(() => provider.GetRequiredService<AgaveFilesClient>());

        Assert.StartsWith("PipelineHttpOptions.AllowedRoots[1]:", error.Message);
    }

    private static ServiceProvider Build(Action<PipelineHttpOptions> configure) =>
        new ServiceCollection()
            .AddLogging()
            .AddPipelineSdkHttp(o =>
            {
                o.ApiServer = new Uri("https://api.sd2e.org");
                o.AccessToken = "static-token-0123456789";
                configure(o);
            })
            .BuildServiceProvider();
}
