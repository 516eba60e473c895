using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Endpoint;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>The endpoint host on 127.0.0.1 with a free port, over a given store, with captured logs.</summary>
internal sealed class EndpointServer : IAsyncDisposable
{
    public const string ManagerId = "jobs-manager.test";
    public const string Nonce = "TEST-TENANT_0123456789abcdef";
    public const string ReadNonce = "TEST-TENANT_readonly000000";

    private readonly WebApplication _app;

    private EndpointServer(WebApplication app, Uri baseUri, CapturingLoggerProvider logs)
    {
        _app = app;
        BaseUri = baseUri;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<EndpointServer> StartAsync(IPipelineJobStore store, Action<PipelineJobEventsOptions>? configure = null, IActorMessenger? messenger = null)
    {
        var logs = new CapturingLoggerProvider();
        var options = new PipelineJobEventsHostOptions
        {
            Store = store,
            ConfigureEvents = events =>
            {
                events.ManagerIds.Add(ManagerId);
                events.Nonces.Add(new EndpointNonce(Nonce));
                events.Nonces.Add(new EndpointNonce(ReadNonce, NonceLevel.Read));
                configure?.Invoke(events);
            },
            ConfigureLogging = logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace),
            ConfigureServices = services =>
            {
                if (messenger is not null)
                {
                    services.AddSingleton(messenger);
                }
            },
        };
        options.Urls.Clear();
        options.Urls.Add("http://127.0.0.1:0");
        var app = PipelineJobEventsHost.Build(options);
        await app.StartAsync();
        return new EndpointServer(app, new Uri(app.Urls.Single()), logs);
    }

    /// <summary>Posts to the messages route with the given query (values escaped) and body.</summary>
    public Task<HttpResponseMessage> PostAsync(string query, string? body = null, string contentType = "application/json", string managerId = ManagerId)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? ""));
        if (body is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return Http.PostAsync($"/actors/v2/{Uri.EscapeDataString(managerId)}/messages?{query}", content);
    }

    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}"));

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps every formatted log line (with its exception) for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {structured} {exception}");
        }
    }
}

/// <summary>Records the Abaco messages the endpoint sends instead of sending them.</summary>
internal sealed class RecordingMessenger : IActorMessenger
{
    public ConcurrentQueue<(string ActorId, JsonNode Message)> Sent { get; } = new();

    public Task<string> SendMessageAsync(string actorId, JsonNode message, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        Sent.Enqueue((actorId, message.DeepClone()));
        return Task.FromResult("exec-" + Sent.Count);
    }
}
