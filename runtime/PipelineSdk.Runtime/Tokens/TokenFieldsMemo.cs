using PipelineSdk.Identifiers;

namespace PipelineSdk.Tokens;

/// <summary>
/// The hashed message of recent jobs' tokens (<see cref="UpdateTokens.TokenFields"/>), by job. Every event on a job
/// derives its tokens from the same message, and building that Python repr costs more than hashing it. It is a pure
/// function of the uuid and the admin fields and holds no secret.
/// </summary>
internal static class TokenFieldsMemo
{
    private static readonly BoundedMemo<(JobAdmin Admin, string Fields)> ByJob = new(capacity: 10_000);

    /// <summary>The message for this job and admin, built once while the job is remembered.</summary>
    public static string For(string jobUuid, JobAdmin admin)
    {
        if (ByJob.TryGet(jobUuid, out var known) && known.Admin == admin)
        {
            return known.Fields;
        }

        var fields = UpdateTokens.TokenFields(jobUuid, admin);
        ByJob.Remember(jobUuid, (admin, fields));
        return fields;
    }
}
