using System.Collections.Concurrent;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Tokens;

/// <summary>
/// The hashed message of recent jobs' tokens (<see cref="UpdateTokens.TokenFields"/>), by job. Every event on a job
/// derives its tokens from the same message, and building that Python repr costs more than hashing it. It is a pure
/// function of the uuid and the admin fields and holds no secret.
/// </summary>
internal static class TokenFieldsMemo
{
    /// <summary>The most jobs kept; past it the memory starts over.</summary>
    private const int Capacity = 10_000;

    private static readonly ConcurrentDictionary<string, (JobAdmin Admin, string Fields)> ByJob = new(StringComparer.Ordinal);
    private static int _count;

    /// <summary>The message for this job and admin, built once while the job is remembered.</summary>
    public static string For(string jobUuid, JobAdmin admin)
    {
        if (ByJob.TryGetValue(jobUuid, out var known) && known.Admin == admin)
        {
            return known.Fields;
        }

        var fields = UpdateTokens.TokenFields(jobUuid, admin);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            ByJob.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        ByJob[jobUuid] = (admin, fields);
        return fields;
    }
}
