using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>
/// The endpoint inside an ASP.NET Core app as a user builds one: health checks over a store that goes away, conventions
/// chained on the mapped routes, and settings checked when the host starts. Real loopback listener throughout.
/// </summary>
public sealed class HostingConventionTests : IDisposable
{
    private readonly string _file = TestJobs.TempFile();

    [Fact]
    public async Task Healthz_turns_503_unhealthy_once_the_mongodb_wire_server_is_stopped()
    {
        var wire = await CongoServerProcess.StartAsync();
        await using var store = new MongoJobStore(
            new MongoStoreSettings { ConnectionString = wire.ConnectionString, Database = "psdk_health" },
            new JobStoreOptions { Timeout = TimeSpan.FromSeconds(5) });  // room for a loaded machine's first connection
        await store.PingAsync();
        await using var server = await EndpointServer.StartAsync(store);

        var before = await server.Http.GetAsync("/healthz");
        await wire.DisposeAsync();
        var after = await server.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal("""{"status":"unhealthy"}""", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_is_503_when_the_embedded_file_is_not_a_job_store_and_the_body_names_no_path()
    {
        await File.WriteAllTextAsync(_file, "this is not a SQLite database " + new string('-', 200));
        await using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = _file });
        await using var server = await EndpointServer.StartAsync(store);

        var response = await server.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unhealthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_convention_chained_on_MapPipelineJobEvents_applies_to_the_messages_route_and_not_to_healthz()
    {
        await using var store = await TestJobs.EmbeddedAsync(_file);
        await using var app = BuildApp(store, events => events.ManagerIds.Add(EndpointServer.ManagerId));
        app.MapPipelineJobEvents().RequireHost("events.example.org");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var otherHost = await http.PostAsync($"/actors/v2/{EndpointServer.ManagerId}/messages", null);
        using var named = new HttpRequestMessage(HttpMethod.Post, $"/actors/v2/{EndpointServer.ManagerId}/messages");
        named.Headers.Host = "events.example.org";
        var namedHost = await http.SendAsync(named);
        var health = await http.GetAsync("/healthz");
        var healthPost = await http.PostAsync("/healthz", null);

        Assert.Equal(HttpStatusCode.NotFound, otherHost.StatusCode);
        // The route answers for the named host: with no nonce the endpoint's own check refuses the message.
        Assert.Equal(HttpStatusCode.Unauthorized, namedHost.StatusCode);
        Assert.Contains("\"status\":\"error\"", await namedHost.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, healthPost.StatusCode);
    }

    [Fact]
    public async Task A_bad_events_setting_stops_the_host_at_start_naming_the_setting()
    {
        await using var store = await TestJobs.EmbeddedAsync(_file);
        await using var app = BuildApp(store, events =>
        {
            events.ManagerIds.Add(EndpointServer.ManagerId);
            events.MaxBodyBytes = 0;
        });
        app.MapPipelineJobEvents();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("MaxBodyBytes: must be at least 1; it is 0.", error.Message);
        Assert.Empty(app.Urls);
    }

    [Fact]
    public async Task A_bad_http_client_setting_stops_the_host_at_start_before_any_client_is_created()
    {
        await using var store = await TestJobs.EmbeddedAsync(_file);
        await using var app = BuildApp(store, events => events.ManagerIds.Add(EndpointServer.ManagerId), services =>
            services.AddPipelineSdkHttp(http =>
            {
                http.ApiServer = new Uri("https://api.sd2e.org");
                http.RequestTimeout = TimeSpan.Zero;
            }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PipelineHttpOptions.RequestTimeout must be positive.", error.Message);
    }

    public void Dispose() => File.Delete(_file);

    /// <summary>A plain ASP.NET Core app with the endpoint's services, on a free loopback port.</summary>
    private static WebApplication BuildApp(IPipelineJobStore store, Action<PipelineJobEventsOptions> configure, Action<IServiceCollection>? more = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(store);
        builder.Services.AddPipelineJobEvents(configure);
        more?.Invoke(builder.Services);
        return builder.Build();
    }
}
