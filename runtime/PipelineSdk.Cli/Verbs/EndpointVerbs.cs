using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Configuration;
using PipelineSdk.Endpoint;
using PipelineSdk.Errors;
using PipelineSdk.Http;
using PipelineSdk.Reactors;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// <c>serve</c> runs the events endpoint; <c>actor</c> applies the one message of an Abaco execution with the same
/// interpretation, so the same code deploys as the jobs-manager actor. Both read the configuration as a reactor does
/// (<see cref="CliSettings"/>: config.yml at <c>/config.yml</c> or the working directory, every <c>_REACTOR_*</c>
/// override) and use its <c>pipelines</c> section: <c>job_manager_id</c>, <c>job_manager_nonce</c>,
/// <c>job_indexer_id</c>/<c>_nonce</c>, <c>events_manager_id</c>/<c>_nonce</c>, <c>api_server</c>, <c>state_enter</c>,
/// <c>state_exit</c>.
/// </summary>
internal static class EndpointVerbs
{
    /// <summary>The variable holding the bearer token the endpoint accepts (never the command line).</summary>
    public const string BearerTokenVariable = "PIPELINESDK_BEARER_TOKEN";

    public static VerbSpec Serve(IReadOnlyDictionary<string, string> environment, TextWriter stdout, TimeProvider clock) => new(
        "serve",
        "Run the events endpoint until stopped; prints 'listening on URL'.",
        [new("urls", OptionKind.TextList, "A loopback or IP address URL to listen on (default http://127.0.0.1:5080); repeatable") { ValueName = "URL" },
         new("manager_id", OptionKind.TextList, "The jobs-manager actor id the endpoint answers for (else pipelines.job_manager_id); repeatable") { ValueName = "ID" },
         new("nonce", OptionKind.TextList, "A nonce the endpoint accepts, with its level (NONCE[:LEVEL]); repeatable") { ValueName = "NONCE" },
         new("max_body_bytes", OptionKind.Integer, "The largest request body accepted") { ValueName = "N", Min = 0, Max = int.MaxValue },
         new("rate_limit", OptionKind.Integer, "Requests per client per window (0: no limit)") { ValueName = "N", Min = 0, Max = int.MaxValue },
         .. CliSettings.Options],
        async (input, cancellationToken) =>
        {
            var settings = CliSettings.Load(input, environment);
            var pipelines = settings.Pipelines ?? new PipelinesSettings();
            var urls = (input.TextList("urls") is { Count: > 0 } given ? given : ["http://127.0.0.1:5080"])
                .Select(url => ListenUrls.Check(url, input.NameOf("urls"))).ToList();
            var store = CliSettings.OpenStore(settings, clock);
            try
            {
                var host = new PipelineJobEventsHostOptions
                {
                    Store = store,
                    ConfigureEvents = events => Configure(events, input, pipelines, environment),
                    ConfigureHttp = HttpSettings(ApiServer(pipelines.ApiServer), accessToken: null),
                };
                host.Urls.Clear();
                foreach (var url in urls)
                {
                    host.Urls.Add(url);
                }

                AddActorNonces(host.ActorNonces, pipelines);
                await using var app = PipelineJobEventsHost.Build(host);
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
                {
                    // Kestrel's message names the address and the reason (address already in use, permission denied).
                    throw new PipelineJobValidationException($"{input.NameOf("urls")}: {e.Message}");
                }
                catch (Microsoft.Extensions.Options.OptionsValidationException e)
                {
                    // The endpoint's settings are checked as the host starts; each failure names its setting.
                    throw new PipelineJobValidationException([.. e.Failures]);
                }

                foreach (var url in app.Urls)
                {
                    stdout.WriteLine($"listening on {url}");
                }

                stdout.Flush();
                await app.WaitForShutdownAsync(cancellationToken);
                return null;
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        })
    {
        AllowsBatch = false,
    };

    public static VerbSpec Actor(IReadOnlyDictionary<string, string> environment, TimeProvider clock) => new(
        "actor",
        "Apply the one message of an Abaco execution (MSG and the URL parameters from the environment), as the jobs-manager actor.",
        [.. CliSettings.Options],
        async (input, cancellationToken) =>
        {
            var context = ReactorContext.FromEnvironment(environment);
            var settings = CliSettings.Load(input, environment);
            var pipelines = settings.Pipelines ?? new PipelinesSettings();
            var query = new[] { "uuid", "event", "name", "token", "note", "status", "state" }
                .Where(context.Variables.ContainsKey)
                .ToDictionary(name => name, name => (string?)context.Variables[name], StringComparer.Ordinal);
            var (body, contentType) = MessageBody(context);
            var interpretation = EventMessageInterpreter.Interpret(query, body, contentType);
            if (!interpretation.IsValid)
            {
                throw new PipelineJobException(interpretation.Error.Message);
            }

            var options = new PipelineJobEventsOptions();
            Configure(options, input, pipelines, environment);
            options.ManagerIds.Add(context.ActorId);
            var store = CliSettings.OpenStore(settings, clock);
            var services = new ServiceCollection().AddLogging();
            // Messages to other actors go to the Abaco server this execution runs on, else the configured one.
            if ((options.IndexerId ?? options.EventsManagerId) is not null)
            {
                services.AddPipelineSdkHttp(HttpSettings(context.ApiServer ?? ApiServer(pipelines.ApiServer), context.AccessToken?.Reveal()));
            }

            await using var provider = services.BuildServiceProvider();
            try
            {
                var nonces = new Dictionary<string, string>(StringComparer.Ordinal);
                AddActorNonces(nonces, pipelines);
                var messenger = provider.GetService<AbacoClient>() is { } client ? new AbacoActorMessenger(client, nonces) : null;
                var dispatcher = new JobEventDispatcher(store, options, messenger, NullLogger<JobEventDispatcher>.Instance);
                var outcome = await dispatcher.DispatchAsync(interpretation.Request, cancellationToken);
                await outcome.Notifications;
                return EndpointResponses.Describe(interpretation.Request, outcome);
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        })
    {
        AllowsBatch = false,
    };

    private static void Configure(PipelineJobEventsOptions events, VerbInput input, PipelinesSettings pipelines, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var id in input.TextList("manager_id").DefaultIfEmpty(pipelines.JobManagerId).OfType<string>())
        {
            events.ManagerIds.Add(id);
        }

        foreach (var nonce in input.TextList("nonce"))
        {
            events.Nonces.Add(Parse(() => EndpointNonce.Parse(nonce), input.NameOf("nonce")));
        }

        if (pipelines.JobManagerNonce is { Length: > 0 } configured)
        {
            events.Nonces.Add(new EndpointNonce(configured));
        }

        events.BearerToken = environment.GetValueOrDefault(BearerTokenVariable) is { Length: > 0 } bearer ? bearer : null;
        events.MaxBodyBytes = (int?)input.OptionalInteger("max_body_bytes") ?? PipelineJobEventsOptions.DefaultMaxBodyBytes;
        events.RateLimitPermits = (int?)input.OptionalInteger("rate_limit") ?? events.RateLimitPermits;
        events.IndexerId = pipelines.JobIndexerId;
        events.EventsManagerId = pipelines.EventsManagerId is { Length: > 0 } manager ? manager : null;
        events.StateEnter = pipelines.StateEnter;
        events.StateExit = pipelines.StateExit;
    }

    private static (byte[] Body, string? ContentType) MessageBody(ReactorContext context) => context.Message switch
    {
        null => ([], null),
        JsonValue value when value.TryGetValue<string>(out var text) => (Encoding.UTF8.GetBytes(text), "text/plain"),
        var message => (Encoding.UTF8.GetBytes(message.ToJsonString()), "application/json"),
    };

    private static Uri ApiServer(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new PipelineJobValidationException($"pipelines:api_server must be an absolute URL; got '{text}'.");

    private static Action<PipelineHttpOptions> HttpSettings(Uri apiServer, string? accessToken) => http =>
    {
        http.ApiServer = apiServer;
        http.AccessToken = accessToken;
    };

    private static void AddActorNonces(IDictionary<string, string> nonces, PipelinesSettings pipelines)
    {
        foreach (var (id, nonce) in new[] { (pipelines.JobIndexerId, pipelines.JobIndexerNonce), (pipelines.EventsManagerId, pipelines.EventsManagerNonce) })
        {
            if (id is { Length: > 0 } && nonce is { Length: > 0 })
            {
                nonces[id] = nonce;
            }
        }
    }


    private static T Parse<T>(Func<T> parse, string option)
    {
        try
        {
            return parse();
        }
        catch (PipelineJobValidationException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }
}
