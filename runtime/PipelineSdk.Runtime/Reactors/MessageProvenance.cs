using PipelineSdk.Abaco;

namespace PipelineSdk.Reactors;

/// <summary>
/// The provenance parameters ("sender tags") the Python SDK adds to every message it sends, so sessions and origins
/// propagate along a chain of actors (python-reactors <c>runtime/messaging.py</c>).
/// </summary>
public static class MessageProvenance
{
    /// <summary>Sender variable → parameter name, as the original's <c>SPECIAL_VARS_MAP</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SenderTags { get; } =
    [
        new("_abaco_actor_id", "x_src_actor_id"),
        new("_abaco_execution_id", "x_src_execution_id"),
        new("APP_ID", "x_src_app_id"),
        new("JOB_ID", "x_src_job_id"),
        new("EVENT", "x_src_event"),
        new("UUID", "x_src_uuid"),
        new("_event_uuid", "x_session"),
    ];

    /// <summary>
    /// The parameters to send with a message: a copy of <paramref name="environment"/> (never modified) overlaid
    /// with the sender tags present and non-empty in <paramref name="senderEnvironment"/> (when
    /// <paramref name="includeSenderTags"/>), and <c>x_session</c> = <paramref name="session"/> unless a tag set it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Build(
        IReadOnlyDictionary<string, string> senderEnvironment,
        string session,
        IReadOnlyDictionary<string, string>? environment = null,
        bool includeSenderTags = true)
    {
        ArgumentNullException.ThrowIfNull(senderEnvironment);
        ArgumentException.ThrowIfNullOrEmpty(session);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (includeSenderTags)
        {
            foreach (var (variable, parameter) in SenderTags)
            {
                if (senderEnvironment.TryGetValue(variable, out var value) && value.Length > 0)
                {
                    tags[parameter] = value;
                }
            }
        }

        tags.TryAdd(AbacoVariables.Session, session);

        var result = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (parameter, value) in tags)
        {
            result[parameter] = value;
        }

        return result;
    }
}
