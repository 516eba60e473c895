using System.Text.Json.Nodes;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;

namespace PipelineSdk.Stores;

/// <summary>
/// What <see cref="IPipelineJobStore.CreateAsync"/> needs to create a job. The job uuid is computed from
/// <see cref="PipelineUuid"/>, <see cref="ChildOf"/> and <see cref="Data"/>, so the same inputs name the same job.
/// </summary>
public sealed record NewJob
{
    /// <summary>The pipeline (prefix 106); it must be registered in the store's <c>pipelines</c> collection.</summary>
    public required string PipelineUuid { get; init; }

    /// <summary>Absolute path of the job's outputs on <see cref="ArchiveSystem"/>.</summary>
    public required string ArchivePath { get; init; }

    /// <summary>The Agave storage system of the archive path.</summary>
    public string ArchiveSystem { get; init; } = "data-sd2e-community";

    /// <summary>Index requests for raw files in the archive path.</summary>
    public JsonArray? ArchivePatterns { get; init; }

    /// <summary>Index requests for products in the archive path.</summary>
    public JsonArray? ProductPatterns { get; init; }

    /// <summary>The job's parameterisation (init data merged with setup data); part of the job uuid.</summary>
    public JsonObject Data { get; init; } = [];

    /// <summary>Correlation string, for example an adjective-animal name.</summary>
    public string? Session { get; init; }

    /// <summary>Canonical URL of the creating actor or app.</summary>
    public string? Agent { get; init; }

    /// <summary>Canonical URL of the execution or Agave job.</summary>
    public string? Task { get; init; }

    /// <summary>Metadata uuids the job belongs to; stored sorted, part of the job uuid.</summary>
    public IReadOnlyList<string> ChildOf { get; init; } = [];

    /// <summary>File uuids the job reads; stored sorted.</summary>
    public IReadOnlyList<string> ActedOn { get; init; } = [];

    /// <summary>Reference uuids the job uses; stored sorted.</summary>
    public IReadOnlyList<string> ActedUsing { get; init; } = [];

    /// <summary>Ownership; its Python repr is part of every token of the job.</summary>
    public required JobAdmin Admin { get; init; }
}
