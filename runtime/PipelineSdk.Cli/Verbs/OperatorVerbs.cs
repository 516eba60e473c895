using System.Text.Json.Nodes;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Configuration;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The operator verbs that read and change jobs in a store (<c>create</c>, <c>send</c>, <c>show</c>, <c>history</c>, <c>list</c>,
/// <c>reset</c>, <c>ready</c>, <c>delete</c>, <c>pipelines add|list</c>) plus <c>serve</c> and <c>actor</c>. Every one
/// reads the configuration as a reactor does (<see cref="CliSettings"/>), takes <c>--config FILE</c>, <c>--mongo URI</c>
/// or <c>--db FILE</c>, and prints readable text, or JSON with <c>--json</c>.
/// </summary>
public static class OperatorVerbs
{
    private static readonly OptionSpec JsonOption = new("json", OptionKind.Flag, "Print JSON instead of text");
    private static readonly OptionSpec UuidOption = new("uuid", OptionKind.Text, "The job's uuid") { Required = true, ValueName = "UUID" };
    private static readonly OptionSpec JobData = new("data", OptionKind.Json, "The event's data: a JSON object");

    /// <summary>Every operator verb.</summary>
    /// <param name="environment">The variables configuration overrides and Abaco's context are read from.</param>
    /// <param name="stdout">Where <c>serve</c> prints its addresses.</param>
    /// <param name="clock">The clock of stores and admin tokens.</param>
    public static IReadOnlyList<VerbSpec> All(IReadOnlyDictionary<string, string> environment, TextWriter stdout, TimeProvider clock)
    {
        VerbSpec Verb(string name, string description, OptionSpec[] options, Func<VerbInput, ReactorSettings, IPipelineJobStore, CancellationToken, Task<string>> run) =>
            new(name, description, [.. options, .. CliSettings.Options, JsonOption],
                async (input, cancellationToken) =>
                {
                    var settings = CliSettings.Load(input, environment);
                    var store = CliSettings.OpenStore(settings, clock);
                    try
                    {
                        return await run(input, settings, store, cancellationToken);
                    }
                    finally
                    {
                        (store as IDisposable)?.Dispose();
                    }
                });

        return
        [
            Verb("create", "Create (or re-open) a job exactly as a reactor does, and print its uuid, state, archive path, callback URL and update token.", JobCreation.Options, (input, settings, store, ct) => JobCreation.RunAsync(input, settings, store, environment, clock, ct)),
            Verb("send", "Send an event to a job with its update, callback or admin token; print the state and the next update token.",
                [new("event", OptionKind.Text, $"The event: {string.Join(", ", JobEvents.WireNames)}") { Positional = true, Required = true, ValueName = "EVENT" },
                 UuidOption, JobData, new("token", OptionKind.Text, "The job's update or callback token (else the admin token of the environment)")],
                async (input, _, store, ct) =>
                {
                    var jobEvent = JobEvents.Parse(input.Text("event"));
                    if (jobEvent == JobEvent.Create)
                    {
                        throw new UsageException("'create' is not sent to a job; a job is created with 'pipelinejobs create'");
                    }

                    return EventOutput(input, await store.ApplyWithTokenTextAsync(JobUuid(input), jobEvent, Data(input), input.OptionalText("token"), ct));
                }),
            Verb("show", "Show a job: state, last event, archive path and its history.", [PositionalJob],
                async (input, _, store, ct) =>
                {
                    var job = await store.GetAsync(JobUuid(input), ct);
                    return input.WantsJson ? JobRendering.Json(input, JobRendering.Document(job)) : JobRendering.ShowText(job);
                }),
            Verb("history", "Show a job's history, oldest event first.", [PositionalJob],
                async (input, _, store, ct) =>
                {
                    var job = await store.GetAsync(JobUuid(input), ct);
                    return input.WantsJson ? JobRendering.Json(input, JobRendering.History(job)) : JobRendering.HistoryText(job);
                }),
            Verb("list", "List jobs, oldest update first.",
                [new("state", OptionKind.Text, $"Only jobs in this state: {string.Join(", ", JobStates.WireNames)}"),
                 new("pipeline", OptionKind.Text, "Only jobs of this pipeline") { ValueName = "UUID" },
                 new("limit", OptionKind.Integer, "At most this many jobs") { ValueName = "N", Min = 1, Max = int.MaxValue }],
                async (input, _, store, ct) =>
                {
                    var jobs = await store.QueryAsync(Query(input), ct);
                    return input.WantsJson ? JobRendering.Json(input, new JsonArray([.. jobs.Select(JobRendering.Summary)])) : JobRendering.ListText(jobs);
                }),
            AdminEvent("reset", JobEvent.Reset),
            AdminEvent("ready", JobEvent.Ready),
            Verb("delete", "Delete a job (admin rights needed).", [PositionalJob, new("soft", OptionKind.Flag, "Hide the job instead of removing it"), AdminCredentials.Option],
                async (input, settings, store, ct) =>
                {
                    var uuid = JobUuid(input);
                    var deletion = input.Flag("soft") ? JobDeletion.Soft : JobDeletion.Hard;
                    await store.DeleteAsync(uuid, AdminCredentials.Token(input, settings, clock), deletion, ct);
                    var result = new JsonObject { ["uuid"] = uuid, ["deleted"] = deletion == JobDeletion.Soft ? "soft" : "hard" };
                    return input.WantsJson ? JobRendering.Json(input, result) : JobRendering.Lines(result);
                }),
            Verb("pipelines add", "Register a pipeline (jobs need a registered one).",
                [new("uuid", OptionKind.Text, "The pipeline's UUID (prefix 106)") { Required = true, ValueName = "UUID" }, new("name", OptionKind.Text, "A name to show")],
                async (input, _, store, ct) =>
                {
                    var uuid = TypedUuidOption(input, "uuid", UuidType.Pipeline);
                    var fields = input.OptionalText("name") is { } name ? new JsonObject { ["name"] = name } : null;
                    await store.RegisterPipelineAsync(uuid, fields, ct);
                    var registered = await store.FindPipelineAsync(uuid, ct) ?? new JsonObject { ["uuid"] = uuid };
                    return input.WantsJson ? JobRendering.Json(input, registered) : $"registered pipeline {uuid}";
                }),
            Verb("pipelines list", "List the registered pipelines.", [],
                async (input, _, store, ct) =>
                {
                    var pipelines = await store.ListPipelinesAsync(ct);
                    return input.WantsJson
                        ? JobRendering.Json(input, new JsonArray([.. pipelines.Select(p => (JsonNode)p.DeepClone())]))
                        : JobRendering.Table(["UUID", "NAME"], pipelines.Select(p => new[] { (string?)p["uuid"] ?? "", p["name"]?.ToString() ?? "" }));
                }),
            EndpointVerbs.Serve(environment, stdout, clock),
            EndpointVerbs.Actor(environment, clock),
        ];

        VerbSpec AdminEvent(string name, JobEvent jobEvent) =>
            Verb(name, $"Send the admin event '{name}' to a job (admin rights needed).", [PositionalJob, JobData, AdminCredentials.Option],
                async (input, settings, store, ct) => EventOutput(input, await store.ApplyWithTokenTextAsync(
                    JobUuid(input), jobEvent, Data(input), AdminCredentials.Token(input, settings, clock).Reveal(), ct)));
    }

    private static readonly OptionSpec PositionalJob = ComputeVerbs.PositionalUuid("The job's uuid");

    private static string EventOutput(VerbInput input, AppliedJobEvent job) =>
        input.WantsJson ? JobRendering.Json(input, JobRendering.EventResult(job)) : JobRendering.Lines(JobRendering.EventResult(job));

    private static string JobUuid(VerbInput input) => TypedUuidOption(input, "uuid", UuidType.PipelineJob);

    /// <summary>A required option holding a typed UUID of <paramref name="type"/>.</summary>
    internal static string TypedUuidOption(VerbInput input, string key, UuidType type)
    {
        var text = input.Text(key);
        return TypedUuid.IsValid(text) && text.StartsWith(type.Prefix(), StringComparison.Ordinal)
            ? text
            : throw new UsageException($"{input.NameOf(key)}: '{text}' is not a {type.Name()} uuid (prefix {type.Prefix()})");
    }

    private static JsonObject? Data(VerbInput input) => input.Has("data") ? input.JsonObject("data", []) : null;

    private static JobQuery Query(VerbInput input)
    {
        var limit = input.OptionalInteger("limit"); // 1 to int.MaxValue, as the option holds it
        return new JobQuery
        {
            State = input.OptionalText("state") is { } state
                ? JobStates.TryParse(state, out var parsed) ? parsed : throw new UsageException($"{input.NameOf("state")}: {Quote.Short(state)} is not a state; expected one of: {string.Join(", ", JobStates.WireNames)}")
                : null,
            PipelineUuid = input.Has("pipeline") ? TypedUuidOption(input, "pipeline", UuidType.Pipeline) : null,
            Limit = (int?)limit,
        };
    }
}
