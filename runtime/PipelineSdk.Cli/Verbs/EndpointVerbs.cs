using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Configuration;
using PipelineSdk.Endpoint;
using PipelineSdk.Errors;
using PipelineSdk.Http;
using PipelineSdk.Reactors;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// <c>serve</c> runs the events endpoint; <c>actor</c> applies the one message of an Abaco execution with the same
/// interpretation, so the same code deploys as the jobs-manager actor. Both read the config file's <c>pipelines</c>
/// section (<c>job_manager_id</c>, <c>job_manager_nonce</c>, <c>job_indexer_id</c>, <c>job_indexer_nonce</c>,
/// <c>events_manager_id</c>, <c>events_manager_nonce</c>, <c>api_server</c>) and the top-level <c>state_enter</c> and
/// <c>state_exit</c>, with <c>_REACTOR_*</c> overrides.
/// </summary>
internal static class EndpointVerbs
{
    /// <summary>The variable holding the bearer token the endpoint accepts (never the command line).</summary>
    public const string BearerTokenVariable = "PIPELINESDK_BEARER_TOKEN";

    private static readonly ConfigKey[] ConfigKeys =
    [
        new("pipelines:job_manager_id", ConfigValueType.String, false),
        new("pipelines:job_manager_nonce", ConfigValueType.String, true),
        new("pipelines:job_indexer_id", ConfigValueType.String, false),
        new("pipelines:job_indexer_nonce", ConfigValueType.String, true),
        new("pipelines:events_manager_id", ConfigValueType.String, false),
        new("pipelines:events_manager_nonce", ConfigValueType.String, true),
        new("pipelines:api_server", ConfigValueType.String, false),
        new("state_enter", ConfigValueType.Boolean, false),
        new("state_exit", ConfigValueType.Boolean, false),
    ];

    private static readonly OptionSpec ConfigOption =
        new("config", OptionKind.Text, "The reactor's config.yml (else found as a reactor finds it)") { ValueName = "FILE", NotEmpty = true };

    public static VerbSpec Serve(Func<string, string?> environment, TextWriter stdout, TimeProvider clock) => new(
        "serve",
        "Run the events endpoint until stopped; prints 'listening on URL'.",
        [new("urls", OptionKind.TextList, "A loopback or IP address URL to listen on (default http://127.0.0.1:5080); repeatable") { ValueName = "URL" },
         new("manager_id", OptionKind.TextList, "The jobs-manager actor id the endpoint answers for (else pipelines.job_manager_id); repeatable") { ValueName = "ID" },
         new("nonce", OptionKind.TextList, "A nonce the endpoint accepts, with its level (NONCE[:LEVEL]); repeatable") { ValueName = "NONCE" },
         ConfigOption,
         new("max_body_bytes", OptionKind.Integer, "The largest request body accepted") { ValueName = "N", Min = 0, Max = int.MaxValue },
         new("rate_limit", OptionKind.Integer, "Requests per client per window (0: no limit)") { ValueName = "N", Min = 0, Max = int.MaxValue },
         .. StoreSelection.Options],
        async (input, cancellationToken) =>
        {
            var config = LoadConfig(input);
            var urls = (input.TextList("urls") is { Count: > 0 } given ? given : ["http://127.0.0.1:5080"])
                .Select(url => ListenUrls.Check(url, input.NameOf("urls"))).ToList();
            var store = StoreSelection.Open(input, environment, clock);
            try
            {
                var host = new PipelineJobEventsHostOptions
                {
                    Store = store,
                    ConfigureEvents = events => Configure(events, input, config, environment),
                    ConfigureHttp = HttpSettings(config, apiServer: null, accessToken: null),
                };
                host.Urls.Clear();
                foreach (var url in urls)
                {
                    host.Urls.Add(url);
                }

                AddActorNonces(host.ActorNonces, config);
                await using var app = PipelineJobEventsHost.Build(host);
                await app.StartAsync(cancellationToken);
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

    public static VerbSpec Actor(Func<string, string?> environment, TimeProvider clock) => new(
        "actor",
        "Apply the one message of an Abaco execution (MSG and the URL parameters from the environment), as the jobs-manager actor.",
        [ConfigOption, .. StoreSelection.Options],
        async (input, cancellationToken) =>
        {
            var context = ReactorContext.FromEnvironment();
            var config = LoadConfig(input);
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
            Configure(options, input, config, environment);
            options.ManagerIds.Add(context.ActorId);
            var store = StoreSelection.Open(input, environment, clock);
            var services = new ServiceCollection().AddLogging();
            if (HttpSettings(config, context.ApiServer, context.AccessToken?.Reveal()) is { } http && (options.IndexerId ?? options.EventsManagerId) is not null)
            {
                services.AddPipelineSdkHttp(http);
            }

            await using var provider = services.BuildServiceProvider();
            try
            {
                var nonces = new Dictionary<string, string>(StringComparer.Ordinal);
                AddActorNonces(nonces, config);
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

    private static void Configure(PipelineJobEventsOptions events, VerbInput input, IConfiguration config, Func<string, string?> environment)
    {
        foreach (var id in input.TextList("manager_id").DefaultIfEmpty(config["pipelines:job_manager_id"]).OfType<string>())
        {
            events.ManagerIds.Add(id);
        }

        foreach (var nonce in input.TextList("nonce"))
        {
            events.Nonces.Add(Parse(() => EndpointNonce.Parse(nonce), input.NameOf("nonce")));
        }

        if (config["pipelines:job_manager_nonce"] is { Length: > 0 } configured)
        {
            events.Nonces.Add(new EndpointNonce(configured));
        }

        events.BearerToken = environment(BearerTokenVariable) is { Length: > 0 } bearer ? bearer : null;
        events.MaxBodyBytes = (int?)input.OptionalInteger("max_body_bytes") ?? PipelineJobEventsOptions.DefaultMaxBodyBytes;
        events.RateLimitPermits = (int?)input.OptionalInteger("rate_limit") ?? events.RateLimitPermits;
        events.IndexerId = config["pipelines:job_indexer_id"] is { Length: > 0 } indexer ? indexer : null;
        events.EventsManagerId = config["pipelines:events_manager_id"] is { Length: > 0 } manager ? manager : null;
        events.StateEnter = Boolean(config, "state_enter") ?? false;
        events.StateExit = Boolean(config, "state_exit") ?? true;
    }

    private static (byte[] Body, string? ContentType) MessageBody(ReactorContext context) => context.Message switch
    {
        null => ([], null),
        JsonValue value when value.TryGetValue<string>(out var text) => (Encoding.UTF8.GetBytes(text), "text/plain"),
        var message => (Encoding.UTF8.GetBytes(message.ToJsonString()), "application/json"),
    };

    private static Action<PipelineHttpOptions>? HttpSettings(IConfiguration config, Uri? apiServer, string? accessToken)
    {
        var server = config["pipelines:api_server"] is { Length: > 0 } configured ? new Uri(configured) : apiServer;
        if (server is null)
        {
            return null;
        }

        return http =>
        {
            http.ApiServer = server;
            http.AccessToken = accessToken;
        };
    }

    private static void AddActorNonces(IDictionary<string, string> nonces, IConfiguration config)
    {
        foreach (var (idKey, nonceKey) in new[] { ("job_indexer_id", "job_indexer_nonce"), ("events_manager_id", "events_manager_nonce") })
        {
            if (config["pipelines:" + idKey] is { Length: > 0 } id && config["pipelines:" + nonceKey] is { Length: > 0 } nonce)
            {
                nonces[id] = nonce;
            }
        }
    }

    private static IConfiguration LoadConfig(VerbInput input) =>
        new ConfigurationBuilder()
            .AddReactorConfiguration(new ReactorConfigurationOptions { ExplicitPath = input.OptionalText("config"), Keys = ConfigKeys })
            .Build();


    private static bool? Boolean(IConfiguration config, string key) =>
        config[key] is { Length: > 0 } text
            ? ConfigValueParser.TryParseBoolean(text, out var value) ? value : throw new PipelineJobValidationException($"config '{key}' is not a boolean: '{text}'.")
            : null;

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
