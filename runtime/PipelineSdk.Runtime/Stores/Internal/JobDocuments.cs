using System.Text.Json.Nodes;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Internal;

/// <summary>
/// The job document layout of the Python original, plus this SDK's two salts (the rotating update salt with its window, and the callback salt). Field
/// names and their order live here only; both stores write and read documents through these functions.
/// </summary>
internal static class JobDocuments
{
    /// <summary>How many salts <c>_recent_salts</c> keeps: the current one and the 16 before it.</summary>
    public const int SaltWindow = 17;

    /// <summary>The field that hides a soft-deleted job (false) from queries and events.</summary>
    public const string VisibleField = "_visible";

    /// <summary>The field holding the job uuid (text, as the original).</summary>
    public const string UuidField = "uuid";

    /// <summary>Fields indexed ascending, as the original indexes them (besides the unique sparse <c>uuid</c>).</summary>
    public static readonly IReadOnlyList<string> IndexedFields =
        ["child_of", "acted_on", "acted_using", "generated_by", "archive_path", "pipeline_uuid"];

    /// <summary>The indexed fields that hold arrays of uuids.</summary>
    public static readonly IReadOnlyList<string> ArrayFields = ["child_of", "acted_on", "acted_using", "generated_by"];

    /// <summary>
    /// The 12 bytes of the database id (<c>_id</c>) of a job's document, derived from its uuid rather than random: two
    /// writers racing to create the same job then collide on <c>_id</c>, which every MongoDB server (and the test wire
    /// server, which does not enforce other unique indexes) refuses twice, so the loser reads the winner's job.
    /// </summary>
    public static byte[] DocumentId(string jobUuid) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(jobUuid))[..12];

    /// <summary>Builds the document of a new job, in the original's field order, with its create entry.</summary>
    public static StoredDocument NewJob(NewJob job, string jobUuid, DateTimeOffset now, string recordsSource)
    {
        var date = StoredValues.ToStoredDate(now);
        var salt = Salts.NewSalt();
        var document = new StoredDocument
        {
            { "pipeline_uuid", job.PipelineUuid },
            { "archive_path", job.ArchivePath },
            { "archive_system", job.ArchiveSystem },
            { "archive_patterns", StoredValues.FromJson(job.ArchivePatterns ?? [], "archive_patterns") },
            { "product_patterns", StoredValues.FromJson(job.ProductPatterns ?? [], "product_patterns") },
            { "data", StoredValues.FromJson(job.Data, "data") },
        };
        AddIfPresent(document, "session", job.Session);
        AddIfPresent(document, "agent", job.Agent);
        AddIfPresent(document, "task", job.Task);
        document.Add("generated_by", new List<object?> { job.PipelineUuid });
        document.Add("child_of", Sorted(job.ChildOf));
        document.Add("acted_on", Sorted(job.ActedOn));
        document.Add("acted_using", Sorted(job.ActedUsing));
        document.Add(UuidField, jobUuid);
        document.Add("state", JobState.Created.ToWireName());
        document.Add("last_event", JobEvent.Create.ToWireName());
        document.Add("history", new List<object?> { HistoryEntry(JobEvent.Create, job.Data, date) });
        document.Add("updated", date);
        document.Add(VisibleField, true);
        document.Add("_properties", new StoredDocument
        {
            { "created_date", date },
            { "modified_date", date },
            { "revision", 0 },
            { "source", recordsSource },
        });
        document.Add("_admin", new StoredDocument
        {
            { "owner", job.Admin.Owner },
            { "project", job.Admin.Project },
            { "tenant", job.Admin.Tenant },
        });
        document.Add("_salt", salt);
        document.Add("_recent_salts", new List<object?> { salt });
        document.Add("_callback_salt", Salts.NewSalt());
        return document;
    }

    /// <summary>A history entry <c>{date, data, name, uuid}</c> with a random 108-prefixed uuid.</summary>
    public static StoredDocument HistoryEntry(JobEvent jobEvent, JsonObject? data, DateTime date) => new()
    {
        { "date", date },
        { "data", StoredValues.FromJson((JsonNode?)data, $"the data of event '{jobEvent.ToWireName()}'") },
        { "name", jobEvent.ToWireName() },
        { "uuid", TypedUuid.CreateRandom(UuidType.PipelineJobEvent) },
    };

    /// <summary>The parts of a stored job that decide whether an event may be applied.</summary>
    public static JobGuardState GuardState(StoredDocument document) => new(
        JobStates.Parse(document.Text("state") ?? JobState.Created.ToWireName()),
        document.Text("_salt"),
        document.Texts("_recent_salts"),
        document.Text("_callback_salt"),
        Admin(document),
        document[VisibleField] as bool? ?? true);

    /// <summary>The stored revision (<c>_properties.revision</c>), 0 when absent.</summary>
    public static long RevisionOf(StoredDocument document) =>
        Convert.ToInt64((document.Document("_properties") ?? new StoredDocument())["revision"] ?? 0, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a stored job, deriving its update and callback tokens (each remembers its salt).</summary>
    public static JobSnapshot ToSnapshot(StoredDocument document)
    {
        var uuid = document.Text(UuidField) ?? throw new InvalidOperationException("A stored job has no uuid.");
        var properties = document.Document("_properties") ?? new StoredDocument();
        var admin = Admin(document);
        var salt = document.Text("_salt") ?? throw new InvalidOperationException($"Job {uuid} has no _salt.");
        var callbackSalt = document.Text("_callback_salt") ?? salt;
        return new JobSnapshot
        {
            Uuid = uuid,
            State = JobStates.Parse(document.Text("state") ?? JobState.Created.ToWireName()),
            LastEvent = JobEvents.Parse(document.Text("last_event") ?? JobEvent.Create.ToWireName()),
            PipelineUuid = document.Text("pipeline_uuid") ?? "",
            ArchivePath = document.Text("archive_path") ?? "",
            ArchiveSystem = document.Text("archive_system") ?? "",
            ArchivePatterns = StoredValues.ToJson(document["archive_patterns"]) as JsonArray ?? [],
            ProductPatterns = StoredValues.ToJson(document["product_patterns"]) as JsonArray ?? [],
            Data = StoredValues.ToJson(document["data"]) as JsonObject ?? [],
            Session = document.Text("session"),
            Agent = document.Text("agent"),
            Task = document.Text("task"),
            GeneratedBy = document.Texts("generated_by"),
            ChildOf = document.Texts("child_of"),
            ActedOn = document.Texts("acted_on"),
            ActedUsing = document.Texts("acted_using"),
            History = document.Array("history").OfType<StoredDocument>().Select(ToHistoryEntry).ToList(),
            Updated = StoredValues.ToTime(document["updated"]),
            Visible = document[VisibleField] as bool? ?? true,
            Revision = RevisionOf(document),
            CreatedDate = StoredValues.ToTime(properties["created_date"]),
            ModifiedDate = StoredValues.ToTime(properties["modified_date"]),
            Source = properties.Text("source") ?? "",
            Admin = admin,
            UpdateToken = IssueUpdateToken(salt, uuid, admin),
            CallbackToken = IssueCallbackToken(callbackSalt, uuid, admin),
        };
    }

    /// <summary>
    /// What an event changed, from the job's fields after it (<c>uuid</c>, <c>state</c>, <c>_properties.revision</c>,
    /// <c>_salt</c>, <c>_callback_salt</c>, <c>_admin</c>; the history is not needed) and the event's plan.
    /// </summary>
    public static AppliedJobEvent ToApplied(StoredDocument after, JobEventPlan plan)
    {
        var uuid = after.Text(UuidField) ?? throw new InvalidOperationException("A stored job has no uuid.");
        var salt = after.Text("_salt") ?? throw new InvalidOperationException($"Job {uuid} has no _salt.");
        return Applied(uuid, JobStates.Parse(after.Text("state") ?? JobState.Created.ToWireName()), RevisionOf(after), salt,
            after.Text("_callback_salt") ?? salt, Admin(after), plan);
    }

    /// <summary>What an event changed, from the job's new state, revision, salts and owner and the event's plan.</summary>
    public static AppliedJobEvent Applied(string uuid, JobState state, long revision, string salt, string callbackSalt, JobAdmin admin, JobEventPlan plan) => new()
    {
        Uuid = uuid,
        State = state,
        LastEvent = plan.Event,
        Revision = revision,
        Updated = StoredValues.ToTime(plan.Date),
        UpdateToken = IssueUpdateToken(salt, uuid, admin),
        CallbackToken = IssueCallbackToken(callbackSalt, uuid, admin),
        Entry = ToHistoryEntry(plan.HistoryEntry),
    };

    /// <summary>The update token of a salt, remembering the salt so the next event can check it without a read.</summary>
    public static UpdateToken IssueUpdateToken(string salt, string jobUuid, JobAdmin admin) =>
        new(UpdateTokens.DeriveText(salt, jobUuid, admin)) { IssuedFromSalt = salt };

    /// <summary>The callback token of a callback salt, remembering the salt.</summary>
    public static CallbackToken IssueCallbackToken(string callbackSalt, string jobUuid, JobAdmin admin) =>
        new(UpdateTokens.DeriveText(callbackSalt, jobUuid, admin)) { IssuedFromSalt = callbackSalt };

    private static JobHistoryEntry ToHistoryEntry(StoredDocument entry) => new(
        StoredValues.ToTime(entry["date"]),
        StoredValues.ToJson(entry["data"]) as JsonObject,
        JobEvents.Parse(entry.Text("name") ?? ""),
        entry.Text("uuid") ?? "");

    private static JobAdmin Admin(StoredDocument document)
    {
        var admin = document.Document("_admin") ?? new StoredDocument();
        return new JobAdmin(admin.Text("owner") ?? "", admin.Text("project") ?? "", admin.Text("tenant") ?? "");
    }

    private static List<object?> Sorted(IEnumerable<string> values) =>
        values.Order(StringComparer.Ordinal).Cast<object?>().ToList();

    private static void AddIfPresent(StoredDocument document, string name, string? value)
    {
        if (value is not null)
        {
            document.Add(name, value);
        }
    }
}
