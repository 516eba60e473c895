using System.Collections.Frozen;

namespace PipelineSdk.Agave;

/// <summary>
/// Maps an Agave job status (the <c>status</c> of a notification callback) to the PipelineJob event it stands for
/// (the original's <c>AgaveEvents</c>).
/// </summary>
/// <remarks>
/// Differs from the original in one place: <c>UPDATED</c> maps to <c>update</c>, where the original
/// mapped it to <c>updated</c>, which is not an event and failed with a KeyError.
/// </remarks>
public static class AgaveStatuses
{
    /// <summary>Every known Agave job status (upper case) and its event. Look-ups ignore case.</summary>
    public static IReadOnlyDictionary<string, JobEvent> Mapping { get; } = new Dictionary<string, JobEvent>
    {
        ["CREATED"] = JobEvent.Resource,
        ["UPDATED"] = JobEvent.Update,
        ["DELETED"] = JobEvent.Fail,
        ["PERMISSION_GRANT"] = JobEvent.Resource,
        ["PERMISSION_REVOKE"] = JobEvent.Resource,
        ["PENDING"] = JobEvent.Resource,
        ["STAGING_INPUTS"] = JobEvent.Resource,
        ["CLEANING_UP"] = JobEvent.Resource,
        ["ARCHIVING"] = JobEvent.Resource,
        ["STAGING_JOB"] = JobEvent.Resource,
        ["FINISHED"] = JobEvent.Finish,
        ["KILLED"] = JobEvent.Update,
        ["FAILED"] = JobEvent.Fail,
        ["STOPPED"] = JobEvent.Fail,
        ["RUNNING"] = JobEvent.Run,
        ["PAUSED"] = JobEvent.Resource,
        ["QUEUED"] = JobEvent.Resource,
        ["SUBMITTING"] = JobEvent.Resource,
        ["STAGED"] = JobEvent.Resource,
        ["PROCESSING_INPUTS"] = JobEvent.Resource,
        ["ARCHIVING_FINISHED"] = JobEvent.Resource,
        ["ARCHIVING_FAILED"] = JobEvent.Fail,
        ["HEARTBEAT"] = JobEvent.Update,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The event for an Agave status, ignoring case; <see cref="JobEvent.Update"/> for a status not in
    /// <see cref="Mapping"/>, as the jobs-manager does.
    /// </summary>
    public static JobEvent ToEvent(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Mapping.TryGetValue(status, out var jobEvent) ? jobEvent : JobEvent.Update;
    }
}
