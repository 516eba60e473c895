using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text;
using PipelineSdk.Urls;

namespace PipelineSdk.Agave;

/// <summary>
/// One Agave (Tapis v2) job notification as a job definition lists it: when the Agave job reaches
/// <see cref="Event"/>, Agave posts the job's JSON to <see cref="Url"/>, once or, when <see cref="Persistent"/>, every
/// time. A PipelineJob registers its callback URL this way so that the Agave job moves it along by itself.
/// </summary>
/// <param name="Event">The Agave job status that fires it, e.g. <c>RUNNING</c>.</param>
/// <param name="Persistent">Fire on every occurrence of the status, not only the first.</param>
/// <param name="Url">
/// Where Agave posts. A callback URL carries the job's callback token and the manager's nonce: never log it
/// (<see cref="ToString"/> leaves the query out).
/// </param>
public sealed record AgaveNotification(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("persistent")] bool Persistent,
    [property: JsonPropertyName("url")] string Url)
{
    /// <summary>
    /// The notifications the original's <c>agave_notifications()</c> gives a job, in its order: <c>RUNNING</c>
    /// (persistent, <c>status=${JOB_STATUS}</c>), <c>FINISHED</c> (<c>status=FINISHED</c>) and <c>FAILED</c>
    /// (<c>status=${JOB_STATUS}</c>). Agave fills in the macro when it fires, so it stays literal in the URL.
    /// </summary>
    /// <param name="callbackWithStatus">Builds the job's callback URL with a <c>status</c> parameter.</param>
    public static IReadOnlyList<AgaveNotification> ForPipelineJob(Func<string, string> callbackWithStatus)
    {
        ArgumentNullException.ThrowIfNull(callbackWithStatus);
        return
        [
            new("RUNNING", true, callbackWithStatus(CallbackUrls.AgaveJobStatusMacro)),
            new("FINISHED", false, callbackWithStatus("FINISHED")),
            new("FAILED", false, callbackWithStatus(CallbackUrls.AgaveJobStatusMacro)),
        ];
    }

    /// <summary>The notification as an Agave job definition's <c>notifications</c> array holds it.</summary>
    public JsonObject ToJson() => new() { ["event"] = Event, ["persistent"] = Persistent, ["url"] = Url };

    /// <summary>Event, persistence and the URL without its query (which holds secrets), for logs and debuggers.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        var queryAt = Url.IndexOf('?', StringComparison.Ordinal);
        builder.Append("Event = ").Append(Event)
            .Append(", Persistent = ").Append(Persistent)
            .Append(", Url = ").Append(queryAt < 0 ? Url : Url[..queryAt] + "?…");
        return true;
    }
}
