using System.Collections;

namespace PipelineSdk.Jobs;

/// <summary>The environment variables a job reads for its defaults (spec §4.2 item 5 and §1.4).</summary>
internal static class JobEnvironment
{
    private static readonly string[] OwnerVariables = ["TACC_USERNAME", "AGAVE_USERNAME", "JUPYTERHUB_USER", "_abaco_username", "USER"];

    /// <summary>A copy of the process environment.</summary>
    public static IReadOnlyDictionary<string, string> Process() =>
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);

    /// <summary>The <c>_admin</c> block from the environment; adds a problem when no owner variable is set.</summary>
    public static JobAdmin Admin(IReadOnlyDictionary<string, string> environment, List<string> problems)
    {
        var owner = OwnerVariables.Select(environment.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (owner is null)
        {
            problems.Add($"The job's owner is unknown: set ManagedPipelineJobOptions.Admin or one of {string.Join(", ", OwnerVariables)}.");
            owner = string.Empty;
        }

        return new JobAdmin(
            owner,
            environment.GetValueOrDefault("TACC_PROJECT_NAME") is { Length: > 0 } project ? project : "SD2E-Community",
            environment.GetValueOrDefault("TACC_TENANT") is { Length: > 0 } tenant ? tenant : "sd2e");
    }
}
