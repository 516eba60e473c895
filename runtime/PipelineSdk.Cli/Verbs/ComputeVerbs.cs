using System.Globalization;
using System.Numerics;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Tokens;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The compute verbs: pure functions of their arguments, each printing one value. Operators use them (often with
/// <c>--batch</c>) to compute the ids, paths and tokens a Python client would compute.
/// </summary>
public static class ComputeVerbs
{
    /// <summary>The environment variable the admin-token verb reads its secret from (never the command line).</summary>
    public const string AdminSecretVariable = "PIPELINESDK_ADMIN_TOKEN_SECRET";

    // The Unix seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of a date and time.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Every compute verb.</summary>
    public static IReadOnlyList<VerbSpec> All(Func<string, string?> environment, TimeProvider clock) =>
    [
        new("uuid", "Print the typed UUID of a text, as the original's catalog_uuid(text, type).",
            [new("type", OptionKind.Text, $"The type, spelled as the original spells it: {string.Join(", ", UuidTypes.Names)}") { Required = true },
             new("text", OptionKind.Text, "The text the UUID is made from (UTF-8)") { Required = true }],
            input => TypedUuid.Create(input.Text("text"), ParseType(input))),
        new("hashid", "Print the Hashids id of a UUID's 128-bit value (an archive-path element), as the original's uuid_to_hashid.",
            [PositionalUuid("Any spelling Python's uuid.UUID accepts ({…}, urn:uuid:…, 32 hex digits, …)")],
            input => Hashids128.Encode(UuidValue(input, "uuid"))),
        new("job-uuid", "Print the uuid a ManagedPipelineJob (C# or Python) gets for these inputs: child_of de-duplicated and sorted, the data as canonical JSON.",
            [PipelineOption, ChildOfOption, DataOption],
            input => JobUuid.Compute(Uuid(input, "pipeline"), ChildOf(input), input.JsonObject("data", []))),
        new("archive-path", "Print the archive path a job gets for these inputs (with --instanced, the session directory too).",
            [PipelineOption, ChildOfOption, DataOption,
             new("instanced", OptionKind.Flag, "Append the instanced directory: the session and the time"),
             new("session", OptionKind.Text, "The session name of an instanced path; a generated name when shorter than 4 characters") { ValueName = "NAME" },
             new("at", OptionKind.Text, "The time of an instanced path (ISO 8601); now by default") { ValueName = "ISO8601" }],
            input => ArchivePath(input, clock)),
        new("token", "Print a job's update token for a salt, as the original's get_token(salt, [uuid, _admin]).",
            [new("salt", OptionKind.Text, "The job's salt (_salt); may be empty") { Required = true },
             new("uuid", OptionKind.Text, "The job's uuid, any spelling uuid.UUID accepts (used in canonical form, as stored)") { Required = true },
             new("owner", OptionKind.Text, "_admin.owner") { Required = true, ValueName = "OWNER" },
             new("project", OptionKind.Text, "_admin.project") { Required = true, ValueName = "PROJECT" },
             new("tenant", OptionKind.Text, "_admin.tenant") { Required = true, ValueName = "TENANT" }],
            input => UpdateTokens.Derive(
                input.Text("salt"),
                Uuid(input, "uuid"),
                new JobAdmin(input.Text("owner"), input.Text("project"), input.Text("tenant"))).Reveal()),
        new("admin-token", $"Print an admin token, as the original's get_admin_token(key); the secret comes from {AdminSecretVariable}, never the command line.",
            [new("key", OptionKind.Text, "The admin key; may be empty") { Required = true },
             new("lifetime", OptionKind.Integer, "The token window in seconds") { ValueName = "SECONDS", Min = 1, Max = int.MaxValue },
             new("at", OptionKind.Integer, "The time, in Unix seconds (years 1 to 9999); now by default") { ValueName = "UNIX_SECONDS", Min = MinUnixSeconds, Max = MaxUnixSeconds },
             new("previous", OptionKind.Flag, "The token of the previous window")],
            input => AdminToken(input, environment, clock)),
    ];

    /// <summary><c>--pipeline UUID</c>, required.</summary>
    internal static readonly OptionSpec PipelineOption =
        new("pipeline", OptionKind.Text, "The pipeline's UUID") { ValueName = "UUID", Required = true };

    /// <summary><c>--child-of UUID</c>, repeatable.</summary>
    internal static readonly OptionSpec ChildOfOption =
        new("child_of", OptionKind.TextList, "A typed UUID the job is a child of (experiment design, experiment, sample or measurement); repeatable") { ValueName = "UUID" };

    /// <summary><c>--data JSON</c>.</summary>
    internal static readonly OptionSpec DataOption =
        new("data", OptionKind.Json, "The job's data: a JSON object");

    /// <summary>The positional <c>UUID</c> of a verb (batch key <c>uuid</c>).</summary>
    internal static OptionSpec PositionalUuid(string description) =>
        new("uuid", OptionKind.Text, description) { Positional = true, Required = true, ValueName = "UUID" };

    // The original looks the type up by its exact snake_case name (catalog_uuid: uuidtypes[uuid_type]).
    private static UuidType ParseType(VerbInput input)
    {
        var name = input.Text("type");
        return UuidTypes.Names.Contains(name, StringComparer.Ordinal) && UuidTypes.TryParseName(name, out var type)
            ? type
            : throw new UsageException($"{input.NameOf("type")}: unknown type '{name}'; expected one of: {string.Join(", ", Enum.GetValues<UuidType>().Select(t => t.Name()))}");
    }

    /// <summary>A UUID in any spelling Python's <c>uuid.UUID</c> accepts, as canonical lower-case text.</summary>
    private static string Uuid(VerbInput input, string key) =>
        PythonUuid.TryCanonical(input.Text(key), out var canonical) ? canonical : throw NotAUuid(input, key);

    private static BigInteger UuidValue(VerbInput input, string key) =>
        PythonUuid.TryParse(input.Text(key), out var value) ? value : throw NotAUuid(input, key);

    private static UsageException NotAUuid(VerbInput input, string key) =>
        new($"{input.NameOf(key)}: '{input.Text(key)}' is not a UUID");

    /// <summary>
    /// The <c>--child-of</c> typed UUIDs, each checked, without repeats and sorted, as a job's <c>child_of</c> holds them
    /// (the original's <c>self_from_ids</c> takes a set and sorts it).
    /// </summary>
    internal static IReadOnlyList<string> ChildOf(VerbInput input)
    {
        var ids = input.TextList("child_of");
        foreach (var id in ids)
        {
            if (!TypedUuid.IsValid(id))
            {
                throw new UsageException($"{input.NameOf("child_of")}: '{id}' is not a typed UUID");
            }
        }

        return [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string ArchivePath(VerbInput input, TimeProvider clock)
    {
        var pipeline = Uuid(input, "pipeline");
        var childOf = ChildOf(input);
        var data = input.JsonObject("data", []);
        if (!input.Flag("instanced"))
        {
            foreach (var key in new[] { "session", "at" })
            {
                if (input.Has(key))
                {
                    throw new UsageException($"{input.NameOf(key)} needs {input.NameOf("instanced")}");
                }
            }

            return ArchivePaths.Default(pipeline, childOf, data);
        }

        var at = input.OptionalText("at") is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new UsageException($"{input.NameOf("at")}: '{text}' is not an ISO 8601 date and time")
            : clock.GetUtcNow();
        return Guarded(input, "session", () => ArchivePaths.Instanced(pipeline, childOf, data, input.OptionalText("session"), at));
    }

    private static string AdminToken(VerbInput input, Func<string, string?> environment, TimeProvider clock)
    {
        var secret = environment(AdminSecretVariable);
        if (string.IsNullOrEmpty(secret))
        {
            throw new UsageException($"the environment variable {AdminSecretVariable} must hold the admin token secret");
        }

        // The options hold the range: a lifetime of 1 to int.MaxValue seconds, a time in years 1 to 9999.
        var lifetime = (int)(input.OptionalInteger("lifetime") ?? Tokens.AdminTokens.DefaultLifetimeSeconds);
        var at = input.OptionalInteger("at") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow();
        return Tokens.AdminTokens.Create(input.Text("key"), secret, at, lifetime, input.Flag("previous")).Reveal();
    }

    // Core validation errors name the value; prefix them with the option so the user knows which argument was bad.
    private static string Guarded(VerbInput input, string key, Func<string> compute)
    {
        try
        {
            return compute();
        }
        catch (PipelineJobValidationException e)
        {
            throw new UsageException($"{input.NameOf(key)}: {e.Message}");
        }
    }
}
