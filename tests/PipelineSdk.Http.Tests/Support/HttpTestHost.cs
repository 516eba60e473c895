using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Agave;
using PipelineSdk.Auth;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http;

namespace PipelineSdk.Http.Tests.Support;

/// <summary>
/// The SDK's HTTP services registered exactly as a user registers them (<c>AddPipelineSdkHttp</c>), pointed at a
/// <see cref="FakeTapisServer"/>, with captured logs and recorded back-off delays.
/// </summary>
public sealed class HttpTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private HttpTestHost(FakeTapisServer server, ServiceProvider services, CapturingLoggerProvider logs, RecordingTimeProvider time)
    {
        Server = server;
        _services = services;
        Logs = logs;
        Time = time;
    }

    public FakeTapisServer Server { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingTimeProvider Time { get; }

    public AbacoClient Abaco => _services.GetRequiredService<AbacoClient>();

    public AgaveFilesClient Files => _services.GetRequiredService<AgaveFilesClient>();

    public AgaveJobsClient AgaveJobs => _services.GetRequiredService<AgaveJobsClient>();

    public IAccessTokenProvider Tokens => _services.GetRequiredService<IAccessTokenProvider>();

    /// <summary>
    /// Starts a fake server and the services; <paramref name="configure"/> runs after the test defaults,
    /// <paramref name="services"/> before <c>AddPipelineSdkHttp</c> and <paramref name="afterHttp"/> after it.
    /// </summary>
    public static async Task<HttpTestHost> StartAsync(
        Action<PipelineHttpOptions>? configure = null,
        string? staticToken = "static-token-0123456789",
        Action<IServiceCollection>? services = null,
        Action<IServiceCollection>? afterHttp = null)
    {
        var server = await FakeTapisServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        var time = new RecordingTimeProvider();
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton<TimeProvider>(time)
            .AddPipelineSdkHttp(options =>
            {
                options.ApiServer = server.BaseUri;
                options.AccessToken = staticToken;
                options.RequestTimeout = TimeSpan.FromSeconds(5);
                configure?.Invoke(options);
            });
        afterHttp?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new HttpTestHost(server, provider, logs, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
