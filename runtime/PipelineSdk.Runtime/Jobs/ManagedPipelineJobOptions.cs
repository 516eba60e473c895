using System.Text.Json.Nodes;
using PipelineSdk.Configuration;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Jobs;

/// <summary>
/// The options of a new <see cref="ManagedPipelineJob"/>: the keyword arguments of the original's
/// <c>ManagedPipelineJob(mongodb, pipelines, **kwargs)</c>, with the same defaults.
/// </summary>
public sealed record ManagedPipelineJobOptions
{
    /// <summary>The job's run-time parameterisation (<c>data</c>); hashed into the archive path and the job uuid.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>Append a session-and-time directory to the archive path (<c>instanced</c>, default false).</summary>
    public bool Instanced { get; init; }

    /// <summary>An archive path to use verbatim instead of the generated one (<c>archive_path</c>).</summary>
    public string? ArchivePath { get; init; }

    /// <summary>Create the archive path through Agave at setup (<c>setup_archive_path</c>, default true); needs an Agave client.</summary>
    public bool SetupArchivePath { get; init; } = true;

    /// <summary>The Agave storage system of the archive path (<c>archive_system</c>).</summary>
    public string ArchiveSystem { get; init; } = "data-sd2e-community";

    /// <summary>Index requests for raw files (<c>archive_patterns</c>): objects with <c>level</c> and <c>patterns</c>.</summary>
    public JsonArray? ArchivePatterns { get; init; }

    /// <summary>Index requests for products (<c>product_patterns</c>): objects with <c>patterns</c> and <c>derived_from</c>.</summary>
    public JsonArray? ProductPatterns { get; init; }

    /// <summary>The pipeline (<c>pipeline_uuid</c>), overriding <see cref="PipelinesSettings.PipelineUuid"/>.</summary>
    public string? PipelineUuid { get; init; }

    /// <summary>Experiment design ids or UUIDs (<c>experiment_design_id</c>); the first of the four metadata options given wins.</summary>
    public IReadOnlyList<string>? ExperimentDesignId { get; init; }

    /// <summary>Experiment ids or UUIDs (<c>experiment_id</c>), used when no experiment design is given.</summary>
    public IReadOnlyList<string>? ExperimentId { get; init; }

    /// <summary>Sample ids or UUIDs (<c>sample_id</c>), used when neither of the above is given.</summary>
    public IReadOnlyList<string>? SampleId { get; init; }

    /// <summary>Measurement ids or UUIDs (<c>measurement_id</c>), used when none of the above is given.</summary>
    public IReadOnlyList<string>? MeasurementId { get; init; }

    /// <summary>File or reference identifiers the job reads (<c>inputs</c>), added to <c>acted_on</c>.</summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>The creating actor or app id (<c>agent</c>), canonicalised into a URL; default <c>_abaco_actor_id</c>.</summary>
    public string? Agent { get; init; }

    /// <summary>The execution or Agave job id (<c>task</c>), canonicalised into a URL; default <c>_abaco_execution_id</c>.</summary>
    public string? Task { get; init; }

    /// <summary>The correlation string (<c>session</c>); a random two-word name when null.</summary>
    public string? Session { get; init; }

    /// <summary>
    /// The job's <c>_admin</c> block. Default: owner from <c>pipelinesdk.owner</c> (<see cref="PipelineJobServices.Settings"/>),
    /// else <c>TACC_USERNAME</c>, <c>AGAVE_USERNAME</c>, <c>JUPYTERHUB_USER</c>, <c>_abaco_username</c> or <c>USER</c>;
    /// project <c>pipelinesdk.project</c>, <c>TACC_PROJECT_NAME</c> or SD2E-Community; tenant <c>pipelinesdk.tenant</c>,
    /// <c>TACC_TENANT</c> or sd2e.
    /// </summary>
    public JobAdmin? Admin { get; init; }
}
