using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Http;
using PipelineSdk.Reactors;

namespace PipelineSdk.Endpoint;

/// <summary>Builds the stand-alone events endpoint host that <c>pipelinejobs serve</c> runs.</summary>
public static class PipelineJobEventsHost
{
    /// <summary>
    /// Builds a Kestrel host with <see cref="PipelineJobEventsEndpointExtensions.MapPipelineJobEvents"/> mapped. It
    /// reads no appsettings, environment or command line of its own: everything comes from <paramref name="options"/>.
    /// ASP.NET Core's request logs (which print query strings, and so nonces and tokens) are kept at Warning; the
    /// endpoint logs each request itself without its query. Every error it answers, its own or the HTTP layer's (404,
    /// 405, 414, 431, malformed bodies), has the endpoint's JSON error body.
    /// </summary>
    public static WebApplication Build(PipelineJobEventsHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(PipelineJobEventsHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel => HttpErrorBodies.RaiseKestrelLimits(kestrel.Limits));

        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is { } configureLogging)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A failed start (an address in use) reaches the caller as an exception; the host's own log of it is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        builder.Services.AddSingleton(options.Store);
        if (options.ConfigureHttp is { } configureHttp)
        {
            builder.Services.AddPipelineSdkHttp(configureHttp);
            var nonces = new Dictionary<string, string>(options.ActorNonces, StringComparer.Ordinal);
            builder.Services.AddSingleton<IActorMessenger>(provider => new AbacoActorMessenger(provider.GetRequiredService<AbacoClient>(), nonces));
        }

        builder.Services.AddPipelineJobEvents(options.ConfigureEvents);
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseJsonErrorBodies();
        app.MapPipelineJobEvents();
        return app;
    }
}
