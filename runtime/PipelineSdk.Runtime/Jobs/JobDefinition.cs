using System.Text.Json.Nodes;
using PipelineSdk.Configuration;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Jobs;

/// <summary>The resolved, validated inputs of a new job, computed once by <see cref="ManagedPipelineJob.CreateAsync"/>.</summary>
internal sealed record JobDefinition(
    PipelinesSettings Pipelines,
    ManagedPipelineJobOptions Options,
    string PipelineUuid,
    JsonObject Data,
    IReadOnlyList<string> ChildOf,
    IReadOnlyList<string> ActedOn,
    IReadOnlyList<string> ActedUsing,
    string? Agent,
    string? Task,
    string Session,
    string ArchivePath,
    JobAdmin Admin);
