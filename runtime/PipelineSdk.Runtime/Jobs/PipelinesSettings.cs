using Microsoft.Extensions.Configuration;
using PipelineSdk.Errors;

namespace PipelineSdk.Jobs;

/// <summary>
/// The <c>pipelines</c> section of a reactor's config.yml (spec §7.1): the default pipeline, the jobs-manager that
/// receives callbacks, and the API server. Nonces are secrets: <see cref="ToString"/> leaves them out.
/// </summary>
public sealed record PipelinesSettings
{
    /// <summary>The default pipeline of new jobs (<c>pipeline_uuid</c>); an option can override it.</summary>
    public string? PipelineUuid { get; init; }

    /// <summary>The jobs-manager actor id or alias (<c>job_manager_id</c>), the target of callback URLs.</summary>
    public string? JobManagerId { get; init; }

    /// <summary>The jobs-manager's nonce (<c>job_manager_nonce</c>), put in callback URLs as <c>x-nonce</c>. Secret.</summary>
    public string? JobManagerNonce { get; init; }

    /// <summary>The jobs-indexer actor id or alias (<c>job_indexer_id</c>); not used by the job client.</summary>
    public string? JobIndexerId { get; init; }

    /// <summary>The jobs-indexer's nonce (<c>job_indexer_nonce</c>). Secret.</summary>
    public string? JobIndexerNonce { get; init; }

    /// <summary>The Tapis/Agave API server (<c>api_server</c>), honoured where the original ignored it (decision 6).</summary>
    public string ApiServer { get; init; } = "https://api.sd2e.org";

    /// <summary>
    /// Reads the <c>pipelines</c> section of <paramref name="configuration"/> (YAML names: <c>pipelines:pipeline_uuid</c>, …).
    /// As in the original, <c>pipeline_uuid</c>, <c>job_manager_id</c> and <c>job_indexer_id</c> may be absent, but a
    /// key that is present must have a value.
    /// </summary>
    /// <exception cref="PipelineJobValidationException">A present key is empty; every such key is named.</exception>
    public static PipelinesSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("pipelines");
        var problems = new List<string>();
        string? Required(string key)
        {
            var child = section.GetSection(key);
            if (child.Exists() && string.IsNullOrWhiteSpace(child.Value))
            {
                problems.Add($"pipelines:{key} is present but empty; give it a value or remove it.");
            }

            return string.IsNullOrWhiteSpace(child.Value) ? null : child.Value;
        }

        string? Optional(string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key];

        var settings = new PipelinesSettings
        {
            PipelineUuid = Required("pipeline_uuid"),
            JobManagerId = Required("job_manager_id"),
            JobIndexerId = Required("job_indexer_id"),
            JobManagerNonce = Optional("job_manager_nonce"),
            JobIndexerNonce = Optional("job_indexer_nonce"),
            ApiServer = Optional("api_server") ?? "https://api.sd2e.org",
        };
        return problems.Count == 0 ? settings : throw new PipelineJobValidationException(problems);
    }

    /// <summary>The settings without the nonces.</summary>
    public override string ToString() =>
        $"PipelinesSettings {{ PipelineUuid = {PipelineUuid}, JobManagerId = {JobManagerId}, JobIndexerId = {JobIndexerId}, ApiServer = {ApiServer} }}";
}
