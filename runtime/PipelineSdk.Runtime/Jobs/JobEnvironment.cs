using System.Collections;
using PipelineSdk.Configuration;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Jobs;

/// <summary>The environment variables a job reads for its defaults.</summary>
internal static class JobEnvironment
{
    // _abaco_username is what Abaco sets for the caller; USER is usually unset in containers.
    private static readonly string[] OwnerVariables = ["TACC_USERNAME", "AGAVE_USERNAME", "JUPYTERHUB_USER", "_abaco_username", "USER"];

    /// <summary>A copy of the process environment.</summary>
    public static IReadOnlyDictionary<string, string> Process() =>
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);

    /// <summary>
    /// The <c>_admin</c> block: each field from the <c>pipelinesdk</c> section when set, else from the environment, else
    /// the original's default; adds a problem when the owner is nowhere.
    /// </summary>
    public static JobAdmin Admin(PipelineSdkSettings? settings, IReadOnlyDictionary<string, string> environment, List<string> problems)
    {
        var owner = settings?.Owner ?? OwnerVariables.Select(environment.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (owner is null)
        {
            problems.Add($"The job's owner is unknown: set pipelinesdk.owner (_REACTOR_PIPELINESDK_OWNER), ManagedPipelineJobOptions.Admin or one of {string.Join(", ", OwnerVariables)}.");
            owner = string.Empty;
        }

        return new JobAdmin(
            owner,
            settings?.Project ?? (environment.GetValueOrDefault("TACC_PROJECT_NAME") is { Length: > 0 } project ? project : "SD2E-Community"),
            settings?.Tenant ?? (environment.GetValueOrDefault("TACC_TENANT") is { Length: > 0 } tenant ? tenant : "sd2e"));
    }
}
