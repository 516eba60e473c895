using System.Text.Json.Nodes;
using PipelineSdk.Identifiers;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores;

/// <summary>
/// A job as read from its store after an operation: every stored field except the salts, plus the update token
/// derived from the current salt (never stored). Returned by every event method.
/// </summary>
public sealed record JobSnapshot
{
    /// <summary>The job uuid (prefix 107).</summary>
    public required string Uuid { get; init; }
    /// <summary>The current state.</summary>
    public required JobState State { get; init; }
    /// <summary>The last event applied.</summary>
    public required JobEvent LastEvent { get; init; }
    /// <summary>The pipeline that generated the job (prefix 106).</summary>
    public required string PipelineUuid { get; init; }
    /// <summary>Absolute path of the job's outputs on <see cref="ArchiveSystem"/>.</summary>
    public required string ArchivePath { get; init; }
    /// <summary>The Agave storage system of the archive path.</summary>
    public required string ArchiveSystem { get; init; }
    /// <summary>Index requests for raw files.</summary>
    public JsonArray ArchivePatterns { get; init; } = [];
    /// <summary>Index requests for products.</summary>
    public JsonArray ProductPatterns { get; init; } = [];
    /// <summary>The job's parameterisation.</summary>
    public required JsonObject Data { get; init; }
    /// <summary>Correlation string.</summary>
    public string? Session { get; init; }
    /// <summary>Canonical URL of the creating actor or app.</summary>
    public string? Agent { get; init; }
    /// <summary>Canonical URL of the execution or Agave job.</summary>
    public string? Task { get; init; }
    /// <summary>The pipeline uuid, as a one-element list.</summary>
    public IReadOnlyList<string> GeneratedBy { get; init; } = [];
    /// <summary>Sorted metadata uuids the job belongs to.</summary>
    public IReadOnlyList<string> ChildOf { get; init; } = [];
    /// <summary>Sorted file uuids the job reads.</summary>
    public IReadOnlyList<string> ActedOn { get; init; } = [];
    /// <summary>Sorted reference uuids the job uses.</summary>
    public IReadOnlyList<string> ActedUsing { get; init; } = [];
    /// <summary>Every applied event, oldest first; the first is always create.</summary>
    public required IReadOnlyList<JobHistoryEntry> History { get; init; }
    /// <summary>Date of the last history entry.</summary>
    public required DateTimeOffset Updated { get; init; }
    /// <summary>False once soft-deleted.</summary>
    public bool Visible { get; init; } = true;
    /// <summary>Incremented by every event: equals the history length minus one.</summary>
    public required long Revision { get; init; }
    /// <summary>When the record was created.</summary>
    public required DateTimeOffset CreatedDate { get; init; }
    /// <summary>When the record last changed.</summary>
    public required DateTimeOffset ModifiedDate { get; init; }
    /// <summary>The records source tag (<c>_properties.source</c>).</summary>
    public string Source { get; init; } = "testing";
    /// <summary>Ownership.</summary>
    public required JobAdmin Admin { get; init; }
    /// <summary>The update token derived from the current salt; send it with the next event.</summary>
    public required UpdateToken UpdateToken { get; init; }
    /// <summary>The non-rotating callback token, valid for client events through the events endpoint.</summary>
    public required CallbackToken CallbackToken { get; init; }
}
