using System.Text.RegularExpressions;

namespace PipelineSdk.Urls;

/// <summary>
/// Canonical URLs for the <c>agent</c> and <c>task</c> of a job and the API resources they name (the
/// original's <c>canonicalize_actor/execution/app/system/job</c>).
/// </summary>
/// <remarks>
/// The original builds <c>api_server + '/actors/v2/' + id</c>; its documentation abbreviates that as <c>api/actors/v2/&lt;id&gt;</c>,
/// and since the default <c>api_server</c> (<c>https://api.sd2e.org/</c>) ends with a slash, Python stored URLs such as
/// <c>https://api.sd2e.org//actors/v2/&lt;id&gt;</c>. Here the form is <c>{api_server}/actors/v2/{id}</c> with the
/// server's trailing slashes removed, so there is never a <c>//</c>. Ids are percent-encoded as one path
/// segment; valid Abaco and Agave ids contain only unreserved characters, so they appear unchanged. Agave job ids
/// (ending in <c>-007</c>) canonicalise to <c>/jobs/v2/</c>, where the original wrongly used <c>/apps/v2/</c>.
/// <c>agent</c> and <c>task</c> are not part of the job uuid, so these differences never change a job's identity.
/// </remarks>
public static partial class CanonicalIds
{
    /// <summary>The original's limit on the length of an Agave app id.</summary>
    public const int MaxAgaveAppIdLength = 64;

    /// <summary>
    /// The canonical URL of a job's agent: <c>{api}/apps/v2/{id}</c> for an Agave app id, otherwise
    /// <c>{api}/actors/v2/{id}</c> (an Abaco actor id).
    /// </summary>
    /// <exception cref="Errors.PipelineJobValidationException">The API server or the id is not usable.</exception>
    public static string Agent(string apiServer, string agentId) =>
        IsAgaveAppId(agentId) ? App(apiServer, agentId) : Actor(apiServer, agentId);

    /// <summary>
    /// The canonical URL of a job's task: <c>{api}/jobs/v2/{id}</c> for an Agave job id (ending in <c>-007</c>),
    /// otherwise the execution <c>{api}/actors/v2/{agentId}/executions/{id}</c> of the (uncanonicalised) agent.
    /// </summary>
    /// <exception cref="Errors.PipelineJobValidationException">The API server or an id is not usable.</exception>
    public static string Task(string apiServer, string agentId, string taskId) =>
        IsAgaveJobId(taskId) ? Job(apiServer, taskId) : Execution(apiServer, agentId, taskId);

    /// <summary><c>{api}/actors/v2/{actorId}</c>.</summary>
    public static string Actor(string apiServer, string actorId) =>
        ApiUrls.BaseOf(apiServer) + "/actors/v2/" + ApiUrls.Segment(actorId, "actor id");

    /// <summary><c>{api}/actors/v2/{actorId}/executions/{executionId}</c>.</summary>
    public static string Execution(string apiServer, string actorId, string executionId) =>
        Actor(apiServer, actorId) + "/executions/" + ApiUrls.Segment(executionId, "execution id");

    /// <summary><c>{api}/apps/v2/{appId}</c>.</summary>
    public static string App(string apiServer, string appId) =>
        ApiUrls.BaseOf(apiServer) + "/apps/v2/" + ApiUrls.Segment(appId, "app id");

    /// <summary><c>{api}/systems/v2/{systemId}</c>.</summary>
    public static string System(string apiServer, string systemId) =>
        ApiUrls.BaseOf(apiServer) + "/systems/v2/" + ApiUrls.Segment(systemId, "system id");

    /// <summary><c>{api}/jobs/v2/{jobId}</c>.</summary>
    public static string Job(string apiServer, string jobId) =>
        ApiUrls.BaseOf(apiServer) + "/jobs/v2/" + ApiUrls.Segment(jobId, "job id");

    /// <summary>
    /// True for an Agave app id such as <c>tacc-sample-app-0.1.0u2</c>: at most 64 characters matching the original's
    /// <c>APPID_REGEX</c> (name, <c>-</c>, version, optional <c>u</c> + revision).
    /// </summary>
    public static bool IsAgaveAppId(string? id) =>
        id is not null && id.Length <= MaxAgaveAppIdLength && AgaveAppId().IsMatch(id);

    /// <summary>True for an Agave job id: it ends with <c>-007</c>, as the original checks.</summary>
    public static bool IsAgaveJobId(string? id) => id is not null && id.EndsWith("-007", StringComparison.Ordinal);

    // The original's APPID_REGEX (datacatalog/identifiers/agave/appid.py), used with re.match; .NET's '$' and '\d'
    // behave as Python 3's do on str (end or before a final newline; any Unicode digit).
    [GeneratedRegex(@"(^[a-zA-Z0-9_\-\.]+)\-((?:0|[1-9]+[\d]*)[\.\d]+)(u[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgaveAppId();
}
