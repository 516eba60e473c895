using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;

namespace PipelineSdk.Cli.Verbs;

/// <summary>How the operator verbs print jobs: readable text by default, JSON with <c>--json</c>.</summary>
internal static class JobRendering
{
    // Output for people and scripts, never embedded in HTML: URLs keep their '&' and text its quotes. Control
    // characters, quotes and backslashes are still escaped, so the output stays valid JSON.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON value as printed: indented, or on one line for a batch line.</summary>
    public static string Json(VerbInput input, JsonNode node) => node.ToJsonString(input.Batch ? Compact : Indented);

    /// <summary>A JSON value on one line, unescaped as <see cref="Json"/> prints it.</summary>
    public static string CompactJson(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    /// <summary>The result of an event: <c>{uuid, state, last_event, token}</c> (the next update token).</summary>
    public static JsonObject EventResult(AppliedJobEvent job) => new()
    {
        ["uuid"] = job.Uuid,
        ["state"] = job.State.ToWireName(),
        ["last_event"] = job.LastEvent.ToWireName(),
        ["token"] = job.UpdateToken.Reveal(),
    };

    /// <summary>Key/value lines of an object whose values are text.</summary>
    public static string Lines(JsonObject values) =>
        string.Join(Environment.NewLine, values.Select(p => $"{p.Key}: {p.Value}"));

    /// <summary>The job document in the stored layout, without <c>_salt</c>, the salt window or any token.</summary>
    public static JsonObject Document(JobSnapshot job)
    {
        var document = new JsonObject
        {
            ["uuid"] = job.Uuid,
            ["pipeline_uuid"] = job.PipelineUuid,
            ["archive_path"] = job.ArchivePath,
            ["archive_system"] = job.ArchiveSystem,
            ["archive_patterns"] = job.ArchivePatterns.DeepClone(),
            ["product_patterns"] = job.ProductPatterns.DeepClone(),
            ["data"] = job.Data.DeepClone(),
            ["session"] = job.Session,
            ["agent"] = job.Agent,
            ["task"] = job.Task,
            ["generated_by"] = Texts(job.GeneratedBy),
            ["child_of"] = Texts(job.ChildOf),
            ["acted_on"] = Texts(job.ActedOn),
            ["acted_using"] = Texts(job.ActedUsing),
            ["state"] = job.State.ToWireName(),
            ["last_event"] = job.LastEvent.ToWireName(),
            ["history"] = History(job),
            ["updated"] = Date(job.Updated),
            ["_visible"] = job.Visible,
            ["_properties"] = new JsonObject
            {
                ["created_date"] = Date(job.CreatedDate),
                ["modified_date"] = Date(job.ModifiedDate),
                ["revision"] = job.Revision,
                ["source"] = job.Source,
            },
            ["_admin"] = new JsonObject { ["owner"] = job.Admin.Owner, ["project"] = job.Admin.Project, ["tenant"] = job.Admin.Tenant },
        };
        return document;
    }

    /// <summary>The history as stored: <c>[{date, data, name, uuid}]</c>.</summary>
    public static JsonArray History(JobSnapshot job) =>
    [
        .. job.History.Select(entry => (JsonNode)new JsonObject
        {
            ["date"] = Date(entry.Date),
            ["data"] = entry.Data?.DeepClone(),
            ["name"] = entry.Name.ToWireName(),
            ["uuid"] = entry.Uuid,
        }),
    ];

    /// <summary>One row of <c>list</c>.</summary>
    public static JsonObject Summary(JobSnapshot job) => new()
    {
        ["uuid"] = job.Uuid,
        ["state"] = job.State.ToWireName(),
        ["last_event"] = job.LastEvent.ToWireName(),
        ["updated"] = Date(job.Updated),
        ["pipeline_uuid"] = job.PipelineUuid,
    };

    /// <summary>The readable <c>show</c>: the job's main fields, then its history as a table.</summary>
    public static string ShowText(JobSnapshot job)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"uuid          {job.Uuid}");
        text.AppendLine(CultureInfo.InvariantCulture, $"state         {job.State.ToWireName()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"last event    {job.LastEvent.ToWireName()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"archive path  {job.ArchiveSystem}:{job.ArchivePath}");
        text.AppendLine(CultureInfo.InvariantCulture, $"pipeline      {job.PipelineUuid}");
        text.AppendLine(CultureInfo.InvariantCulture, $"updated       {Date(job.Updated)}");
        text.AppendLine();
        text.Append(HistoryText(job));
        return text.ToString();
    }

    /// <summary>The readable history: one line per event, oldest first.</summary>
    public static string HistoryText(JobSnapshot job) =>
        Table(["DATE", "EVENT", "DATA"], job.History.Select(e => new[] { Date(e.Date), e.Name.ToWireName(), Shorten(CompactJson(e.Data), 80) }));

    /// <summary>The readable list of jobs.</summary>
    public static string ListText(IEnumerable<JobSnapshot> jobs) =>
        Table(["UUID", "STATE", "LAST EVENT", "UPDATED", "PIPELINE"], jobs.Select(j => new[]
        {
            j.Uuid, j.State.ToWireName(), j.LastEvent.ToWireName(), Date(j.Updated), j.PipelineUuid,
        }));

    /// <summary>Columns padded to their widest cell; no line ends in spaces (an empty last cell leaves none).</summary>
    public static string Table(string[] headers, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        return string.Join(Environment.NewLine, all.Select(row =>
            string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd(' ')));
    }

    private static string Date(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Texts(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
