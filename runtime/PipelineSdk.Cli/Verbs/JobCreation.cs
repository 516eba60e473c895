using System.Text.Json.Nodes;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Configuration;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The <c>create</c> verb: builds a job exactly as a reactor does, through <see cref="ManagedPipelineJob.CreateAsync"/>
/// and <see cref="ManagedPipelineJob.SetupAsync"/>, and prints its uuid, state, archive path, callback URL and update
/// token (with <c>--json</c>, also the Agave notifications for the callback URL). The callback settings are the
/// configuration's <c>pipelines</c> section and the job's <c>_admin</c> block its <c>pipelinesdk</c> section
/// (<see cref="CliSettings"/>); <c>--api-server</c>, <c>--manager-id</c>, <c>--nonce</c>, <c>--owner</c>,
/// <c>--project</c> and <c>--tenant</c> win over them.
/// </summary>
internal static class JobCreation
{
    public const string Usage =
        "--pipeline UUID [--child-of UUID]... [--data JSON] [--archive-patterns JSON] [--product-patterns JSON] [--session S] [--instanced] "
        + "[--api-server URL --manager-id ID --nonce N] [--owner NAME] [--project P] [--tenant T]";

    public static readonly OptionSpec[] Options =
    [
        new("pipeline", OptionKind.Text), new("child_of", OptionKind.TextList), new("data", OptionKind.Json),
        new("archive_patterns", OptionKind.Json), new("product_patterns", OptionKind.Json), new("session", OptionKind.Text),
        new("instanced", OptionKind.Flag), new("api_server", OptionKind.Text), new("manager_id", OptionKind.Text),
        new("nonce", OptionKind.Text), new("owner", OptionKind.Text), new("project", OptionKind.Text), new("tenant", OptionKind.Text),
    ];

    public static async Task<string> RunAsync(
        VerbInput input, ReactorSettings settings, IPipelineJobStore store, IReadOnlyDictionary<string, string> environment, TimeProvider clock, CancellationToken cancellationToken)
    {
        var pipelines = settings.Pipelines ?? new PipelinesSettings();
        pipelines = pipelines with
        {
            ApiServer = input.OptionalText("api_server") ?? pipelines.ApiServer,
            JobManagerId = input.OptionalText("manager_id") ?? pipelines.JobManagerId,
            JobManagerNonce = input.OptionalText("nonce") ?? pipelines.JobManagerNonce,
        };
        var sdk = settings.Pipelinesdk ?? new PipelineSdkSettings();
        sdk = sdk with
        {
            Owner = input.OptionalText("owner") ?? sdk.Owner,
            Project = input.OptionalText("project") ?? sdk.Project,
            Tenant = input.OptionalText("tenant") ?? sdk.Tenant,
        };
        var services = new PipelineJobServices { Clock = clock, Settings = sdk, Environment = environment };
        var job = await ManagedPipelineJob.CreateAsync(store, pipelines, JobOptions(input, pipelines), services, cancellationToken);
        await job.SetupAsync(cancellationToken: cancellationToken);
        var result = new JsonObject
        {
            ["uuid"] = job.Uuid,
            ["state"] = job.State?.ToWireName(),
            ["archive_path"] = job.ArchivePath,
            ["callback"] = job.Callback,
            ["token"] = job.Token?.Reveal(),
        };
        if (input.Flag("json"))
        {
            // What a reactor puts in its Agave job definition (the original's agave_notifications()); null without a callback.
            result["agave_notifications"] = job.Callback is null ? null : new JsonArray([.. job.AgaveNotifications().Select(n => n.ToJson())]);
            return JobRendering.Json(result);
        }

        result["callback"] ??= "(none: give --manager-id or set pipelines.job_manager_id)";
        return JobRendering.Lines(result);
    }

    private static ManagedPipelineJobOptions JobOptions(VerbInput input, PipelinesSettings pipelines)
    {
        var pipeline = input.Has("pipeline") ? OperatorVerbs.TypedUuidOption(input, "pipeline", UuidType.Pipeline)
            : pipelines.PipelineUuid ?? throw new UsageException($"missing required option {input.NameOf("pipeline")} (or pipelines.pipeline_uuid in config.yml)");
        var options = new ManagedPipelineJobOptions
        {
            PipelineUuid = pipeline,
            Data = input.JsonObject("data", []),
            ArchivePatterns = input.OptionalJsonArray("archive_patterns"),
            ProductPatterns = input.OptionalJsonArray("product_patterns"),
            Session = input.OptionalText("session"),
            Instanced = input.Flag("instanced"),
        };
        return WithChildOf(input, options);
    }

    /// <summary>
    /// The job API takes metadata by kind (the original's <c>experiment_id</c>, <c>sample_id</c>, …); typed UUIDs go to
    /// the option of their own type, so <c>child_of</c> is exactly what was given.
    /// </summary>
    private static ManagedPipelineJobOptions WithChildOf(VerbInput input, ManagedPipelineJobOptions options)
    {
        var ids = ComputeVerbs.ChildOf(input);
        if (ids.Count == 0)
        {
            return options;
        }

        var types = ids.Select(TypedUuid.GetType).Distinct().ToList();
        if (types.Count > 1)
        {
            throw new UsageException($"{input.NameOf("child_of")}: the UUIDs mix types ({string.Join(", ", types.Select(t => t.Name()))}); give one kind of metadata");
        }

        return types[0] switch
        {
            UuidType.ExperimentDesign => options with { ExperimentDesignId = ids },
            UuidType.Experiment => options with { ExperimentId = ids },
            UuidType.Sample => options with { SampleId = ids },
            UuidType.Measurement => options with { MeasurementId = ids },
            var other => throw new UsageException(
                $"{input.NameOf("child_of")}: '{ids[0]}' is a {other.Name()} UUID; a job is the child of experiment design, experiment, sample or measurement UUIDs"),
        };
    }
}
