using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using PipelineSdk.Abaco;
using PipelineSdk.Agave;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;

namespace PipelineSdk.Http.Tests;

/// <summary>
/// The retry policy as a handler in the clients' HttpClient pipeline, on idempotent reads (a listing GET), and its
/// replacement by Microsoft's standard resilience handler. The loopback fake server counts the requests.
/// </summary>
public sealed class RetryHandlerTests
{
    private const string System = "data-sd2e-community";
    private const string Folder = "/products/v2/retry-tests";

    [Fact]
    public async Task A_read_is_retried_on_500_502_and_503_with_jittered_exponential_back_off()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFolder(System, Folder);
        host.Server.Script(ScriptedResponse.Fail(500), ScriptedResponse.Fail(502), ScriptedResponse.Fail(503));

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        Assert.Equal(4, host.Server.Requests.Count);
        var delays = host.Time.RequestedDelays;
        Assert.Equal(3, delays.Count);
        // The Python loop: start at 1 s, then multiply by (1 + random()) after each failure.
        Assert.Equal(TimeSpan.FromSeconds(1), delays[0]);
        Assert.InRange(delays[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[2], delays[1], delays[1] * 2);
    }

    [Fact]
    public async Task The_back_off_is_capped_at_the_maximum_delay()
    {
        await using var host = await HttpTestHost.StartAsync(o => o.InitialRetryDelay = TimeSpan.FromSeconds(20));
        host.Server.AddFolder(System, Folder);
        host.Server.Script(Enumerable.Repeat(ScriptedResponse.Fail(500), 5).ToArray());

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        Assert.Equal(6, host.Server.Requests.Count);
        Assert.All(host.Time.RequestedDelays, delay => Assert.InRange(delay, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(32)));
        Assert.Equal(TimeSpan.FromSeconds(32), host.Time.RequestedDelays[^1]);
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried()
    {
        await using var host = await HttpTestHost.StartAsync(o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        host.Server.AddFolder(System, Folder);
        host.Server.Script(ScriptedResponse.Slow(TimeSpan.FromSeconds(30)));

        Assert.True(await host.Files.ExistsAsync(System, Folder));

        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task When_every_attempt_times_out_the_error_has_no_status_and_counts_the_attempts()
    {
        await using var host = await HttpTestHost.StartAsync(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxAttempts = 3;
        });
        host.Server.Script(Enumerable.Repeat(ScriptedResponse.Slow(TimeSpan.FromSeconds(10)), 3).ToArray());

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.Files.ExistsAsync(System, Folder));

        Assert.Null(error.StatusCode);
        Assert.Equal(string.Empty, error.ResponseBody);
        Assert.Contains("no response within", error.Message);
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.Equal(3, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Without_the_sdk_handler_a_client_sends_each_request_once()
    {
        await using var host = await HttpTestHost.StartAsync(services: null, afterHttp: services =>
            services.AddHttpClient<AgaveFilesClient>().RemovePipelineSdkRetries());
        host.Server.AddFolder(System, Folder);
        host.Server.Script(ScriptedResponse.Fail(503));

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.Files.ExistsAsync(System, Folder));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(host.Server.Requests);
        Assert.Empty(host.Time.RequestedDelays);
    }

    [Fact]
    public async Task The_standard_resilience_handler_replaces_it_retrying_reads_and_never_a_post()
    {
        await using var host = await HttpTestHost.StartAsync(services: null, afterHttp: services =>
        {
            foreach (var client in new[] { services.AddHttpClient<AgaveFilesClient>(), services.AddHttpClient<AbacoClient>() })
            {
                client.RemovePipelineSdkRetries().AddStandardResilienceHandler(resilience =>
                {
                    resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);
                    resilience.Retry.UseJitter = false;
                    resilience.Retry.DisableForUnsafeHttpMethods();
                });
            }
        });
        host.Server.AddFolder(System, Folder);

        host.Server.Script(ScriptedResponse.Fail(503));
        Assert.True(await host.Files.ExistsAsync(System, Folder));
        var reads = host.Server.Requests.Count;
        host.Server.Script(ScriptedResponse.Fail(503));
        var error = await Assert.ThrowsAsync<AbacoApiException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Equal(2, reads);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, host.Server.Requests.Count);
        // The SDK's own handler is gone from both pipelines: it logged nothing.
        Assert.DoesNotContain(host.Logs.Lines, l => l.Category.EndsWith(nameof(PipelineRetryHandler), StringComparison.Ordinal));
    }
}
