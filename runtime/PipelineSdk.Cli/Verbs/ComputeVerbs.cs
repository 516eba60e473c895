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
        new("uuid", "uuid --type TYPE --text TEXT",
            [new("type", OptionKind.Text), new("text", OptionKind.Text)],
            input => TypedUuid.Create(input.Text("text"), ParseType(input))),
        new("hashid", "hashid UUID",
            [new("uuid", OptionKind.Text, Positional: true)],
            input => Hashids128.Encode(UuidValue(input, "uuid"))),
        new("job-uuid", "job-uuid --pipeline UUID [--child-of UUID]... [--data JSON]",
            [new("pipeline", OptionKind.Text), new("child_of", OptionKind.TextList), new("data", OptionKind.Json)],
            input => JobUuid.Compute(Uuid(input, "pipeline"), ChildOf(input), input.JsonObject("data", []))),
        new("archive-path", "archive-path --pipeline UUID [--child-of UUID]... [--data JSON] [--instanced --session NAME --at ISO8601]",
            [new("pipeline", OptionKind.Text), new("child_of", OptionKind.TextList), new("data", OptionKind.Json),
             new("instanced", OptionKind.Flag), new("session", OptionKind.Text), new("at", OptionKind.Text)],
            input => ArchivePath(input, clock)),
        new("token", "token --salt SALT --uuid UUID --owner O --project P --tenant T",
            [new("salt", OptionKind.Text), new("uuid", OptionKind.Text), new("owner", OptionKind.Text),
             new("project", OptionKind.Text), new("tenant", OptionKind.Text)],
            input => UpdateTokens.Derive(
                input.Text("salt"),
                Uuid(input, "uuid"),
                new JobAdmin(input.Text("owner"), input.Text("project"), input.Text("tenant"))).Reveal()),
        new("admin-token", "admin-token --key KEY [--lifetime SECONDS] [--at UNIX_SECONDS] [--previous]",
            [new("key", OptionKind.Text), new("lifetime", OptionKind.Text), new("at", OptionKind.Text), new("previous", OptionKind.Flag)],
            input => AdminToken(input, environment, clock)),
    ];

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

        var lifetime = input.OptionalInteger("lifetime") ?? 3600;
        if (lifetime is < 1 or > int.MaxValue)
        {
            throw new UsageException($"{input.NameOf("lifetime")} must be a positive number of seconds");
        }

        var at = input.OptionalInteger("at") is { } seconds
            ? seconds is >= MinUnixSeconds and <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : throw new UsageException($"{input.NameOf("at")} must be between {MinUnixSeconds} and {MaxUnixSeconds} (years 1 to 9999)")
            : clock.GetUtcNow();
        return Tokens.AdminTokens.Create(input.Text("key"), secret, at, (int)lifetime, input.Flag("previous")).Reveal();
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
