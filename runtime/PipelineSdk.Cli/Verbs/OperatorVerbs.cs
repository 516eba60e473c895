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
    private const string StoreUsage = "[--config FILE] [--mongo URI | --db FILE] [--json]";

    /// <summary>Every operator verb.</summary>
    /// <param name="environment">The variables configuration overrides and Abaco's context are read from.</param>
    /// <param name="stdout">Where <c>serve</c> prints its addresses.</param>
    /// <param name="clock">The clock of stores and admin tokens.</param>
    public static IReadOnlyList<VerbSpec> All(IReadOnlyDictionary<string, string> environment, TextWriter stdout, TimeProvider clock)
    {
        VerbSpec Verb(string name, string usage, OptionSpec[] options, Func<VerbInput, ReactorSettings, IPipelineJobStore, CancellationToken, Task<string>> run) =>
            new(name, $"{name} {usage} {StoreUsage}", [.. options, .. CliSettings.Options, new("json", OptionKind.Flag)],
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
            Verb("create", JobCreation.Usage, JobCreation.Options, (input, settings, store, ct) => JobCreation.RunAsync(input, settings, store, environment, clock, ct)),
            Verb("send", "EVENT --uuid UUID [--data JSON] [--token TOKEN]",
                [new("event", OptionKind.Text, Positional: true), new("uuid", OptionKind.Text), new("data", OptionKind.Json), new("token", OptionKind.Text)],
                async (input, _, store, ct) => EventOutput(input, await store.ApplyWithTokenTextAsync(
                    JobUuid(input), JobEvents.Parse(input.Text("event")), Data(input), input.OptionalText("token"), ct))),
            Verb("show", "UUID", [new("uuid", OptionKind.Text, Positional: true)],
                async (input, _, store, ct) =>
                {
                    var job = await store.GetAsync(JobUuid(input), ct);
                    return input.Flag("json") ? JobRendering.Json(JobRendering.Document(job)) : JobRendering.ShowText(job);
                }),
            Verb("history", "UUID", [new("uuid", OptionKind.Text, Positional: true)],
                async (input, _, store, ct) =>
                {
                    var job = await store.GetAsync(JobUuid(input), ct);
                    return input.Flag("json") ? JobRendering.Json(JobRendering.History(job)) : JobRendering.HistoryText(job);
                }),
            Verb("list", "[--state STATE] [--pipeline UUID] [--limit N]",
                [new("state", OptionKind.Text), new("pipeline", OptionKind.Text), new("limit", OptionKind.Text)],
                async (input, _, store, ct) =>
                {
                    var jobs = await store.QueryAsync(Query(input), ct);
                    return input.Flag("json") ? JobRendering.Json(new JsonArray([.. jobs.Select(JobRendering.Summary)])) : JobRendering.ListText(jobs);
                }),
            AdminEvent("reset", JobEvent.Reset),
            AdminEvent("ready", JobEvent.Ready),
            Verb("delete", "UUID [--soft] [--admin-token TOKEN]", [new("uuid", OptionKind.Text, Positional: true), new("soft", OptionKind.Flag), AdminCredentials.Option],
                async (input, settings, store, ct) =>
                {
                    var uuid = JobUuid(input);
                    var deletion = input.Flag("soft") ? JobDeletion.Soft : JobDeletion.Hard;
                    await store.DeleteAsync(uuid, AdminCredentials.Token(input, settings, clock), deletion, ct);
                    var result = new JsonObject { ["uuid"] = uuid, ["deleted"] = deletion == JobDeletion.Soft ? "soft" : "hard" };
                    return input.Flag("json") ? JobRendering.Json(result) : JobRendering.Lines(result);
                }),
            Verb("pipelines add", "--uuid UUID [--name NAME]", [new("uuid", OptionKind.Text), new("name", OptionKind.Text)],
                async (input, _, store, ct) =>
                {
                    var uuid = TypedUuidOption(input, "uuid", UuidType.Pipeline);
                    var fields = input.OptionalText("name") is { } name ? new JsonObject { ["name"] = name } : null;
                    await store.RegisterPipelineAsync(uuid, fields, ct);
                    var registered = await store.FindPipelineAsync(uuid, ct) ?? new JsonObject { ["uuid"] = uuid };
                    return input.Flag("json") ? JobRendering.Json(registered) : $"registered pipeline {uuid}";
                }),
            Verb("pipelines list", "", [],
                async (input, _, store, ct) =>
                {
                    var pipelines = await store.ListPipelinesAsync(ct);
                    return input.Flag("json")
                        ? JobRendering.Json(new JsonArray([.. pipelines.Select(p => (JsonNode)p.DeepClone())]))
                        : JobRendering.Table(["UUID", "NAME"], pipelines.Select(p => new[] { (string?)p["uuid"] ?? "", p["name"]?.ToString() ?? "" }));
                }),
            EndpointVerbs.Serve(environment, stdout, clock),
            EndpointVerbs.Actor(environment, clock),
        ];

        VerbSpec AdminEvent(string name, JobEvent jobEvent) =>
            Verb(name, "UUID [--data JSON] [--admin-token TOKEN]", [new("uuid", OptionKind.Text, Positional: true), new("data", OptionKind.Json), AdminCredentials.Option],
                async (input, settings, store, ct) => EventOutput(input, await store.ApplyWithTokenTextAsync(
                    JobUuid(input), jobEvent, Data(input), AdminCredentials.Token(input, settings, clock).Reveal(), ct)));
    }

    private static string EventOutput(VerbInput input, JobSnapshot job) =>
        input.Flag("json") ? JobRendering.Json(JobRendering.EventResult(job)) : JobRendering.Lines(JobRendering.EventResult(job));

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
        var limit = input.OptionalInteger("limit");
        if (limit is < 1)
        {
            throw new UsageException($"{input.NameOf("limit")} must be at least 1");
        }

        return new JobQuery
        {
            State = input.OptionalText("state") is { } state
                ? JobStates.TryParse(state, out var parsed) ? parsed : throw new UsageException($"{input.NameOf("state")}: '{state}' is not a state; expected one of: {string.Join(", ", JobStates.WireNames)}")
                : null,
            PipelineUuid = input.Has("pipeline") ? TypedUuidOption(input, "pipeline", UuidType.Pipeline) : null,
            Limit = (int?)limit,
        };
    }
}
