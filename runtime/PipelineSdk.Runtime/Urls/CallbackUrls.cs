using System.Text;
using System.Text.RegularExpressions;
using PipelineSdk.Errors;
using PipelineSdk.Tokens;

namespace PipelineSdk.Urls;

/// <summary>
/// Builds a job's callback URL: the Abaco messages URL of the jobs-manager actor, with the job's identity in the
/// query, to which Agave/Aloe notifications, other actors and curl post events.
/// </summary>
/// <remarks>
/// The form is <c>{api_server}/actors/v2/{job_manager_id}/messages?x-nonce=…&amp;token=…&amp;uuid=…&amp;session=…[&amp;status=…]</c>,
/// as in the original, with this SDK's fixes:
/// <list type="bullet">
/// <item>no <c>//</c>, whatever trailing slashes <c>api_server</c> has;</item>
/// <item>every query value is percent-encoded (RFC 3986 unreserved characters stay as they are), except a
/// <c>status</c> that is an Agave template macro such as <see cref="AgaveJobStatusMacro"/>;</item>
/// <item>the manager id is encoded as one path segment, so a crafted id cannot change the path or add parameters;</item>
/// <item>a <see langword="null"/> nonce or session is left out, where the original printed the text <c>None</c>.</item>
/// </list>
/// The token is the job's callback token, which does not rotate. The URL therefore carries a secret:
/// never log it.
/// </remarks>
public static partial class CallbackUrls
{
    /// <summary>
    /// Agave's macro for a job's status. Agave replaces the literal text <c>${JOB_STATUS}</c> in a notification URL
    /// when it fires, so it must reach Agave unencoded; the original registers <c>&amp;status=${JOB_STATUS}</c> for the
    /// RUNNING and FAILED notifications.
    /// </summary>
    public const string AgaveJobStatusMacro = "${JOB_STATUS}";

    /// <summary>Builds the callback URL of a job.</summary>
    /// <param name="apiServer">The Tapis/Agave API server (<c>pipelines.api_server</c>), an absolute http(s) URI.</param>
    /// <param name="managerId">The jobs-manager actor's id or alias (<c>pipelines.job_manager_id</c>).</param>
    /// <param name="nonce">The manager's nonce (<c>pipelines.job_manager_nonce</c>); left out when null or empty.</param>
    /// <param name="token">The job's callback token.</param>
    /// <param name="jobUuid">The job's uuid.</param>
    /// <param name="session">The job's session (correlation string); left out when null or empty.</param>
    /// <param name="status">
    /// A status to append (for Agave notifications): a fixed one such as <c>FINISHED</c>, which is encoded, or an
    /// Agave macro such as <see cref="AgaveJobStatusMacro"/>, which is kept literal. Left out when null.
    /// </param>
    /// <exception cref="PipelineJobValidationException">
    /// <c>api_server</c> is not an absolute http(s) URI, or <c>job_manager_id</c> or <c>uuid</c> is empty.
    /// </exception>
    public static string Build(
        string apiServer,
        string managerId,
        string? nonce,
        CallbackToken token,
        string jobUuid,
        string? session,
        string? status = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (string.IsNullOrWhiteSpace(jobUuid))
        {
            throw new PipelineJobValidationException("uuid is missing or empty: a callback URL needs the job's uuid.");
        }

        var url = new StringBuilder(ApiUrls.BaseOf(apiServer))
            .Append("/actors/v2/")
            .Append(ApiUrls.Segment(managerId, "job_manager_id"))
            .Append("/messages");

        var separator = '?';
        void Append(string name, string encodedValue)
        {
            url.Append(separator).Append(name).Append('=').Append(encodedValue);
            separator = '&';
        }

        if (!string.IsNullOrEmpty(nonce))
        {
            Append("x-nonce", ApiUrls.QueryValue(nonce));
        }

        Append("token", ApiUrls.QueryValue(token.Reveal()));
        Append("uuid", ApiUrls.QueryValue(jobUuid));
        if (!string.IsNullOrEmpty(session))
        {
            Append("session", ApiUrls.QueryValue(session));
        }

        if (status is not null)
        {
            Append("status", IsAgaveMacro(status) ? status : ApiUrls.QueryValue(status));
        }

        return url.ToString();
    }

    /// <summary>True for one Agave template macro such as <c>${JOB_STATUS}</c>: <c>${</c>, upper-case letters and underscores, <c>}</c>.</summary>
    public static bool IsAgaveMacro(string value) => AgaveMacro().IsMatch(value);

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*\}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AgaveMacro();
}
