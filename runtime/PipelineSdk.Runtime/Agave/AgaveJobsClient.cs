using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Errors;
using PipelineSdk.Http;
using PipelineSdk.Urls;

namespace PipelineSdk.Agave;

/// <summary>
/// The parts of the Agave v2 jobs API a reactor needs to launch the work of a PipelineJob: submit a job with the
/// PipelineJob's notifications attached, and read a job's status.
/// </summary>
/// <remarks>
/// A submission is not idempotent: after a timeout, a dropped connection or a 5xx other than 503, Agave may have
/// created the job, so it is not sent again (a second job would run the same work twice and post to the same callback
/// URL). Only a submission that never reached Agave, or that Agave turned away with 429 or 503, is retried. Reading a
/// status is retried in full (<see cref="PipelineRetryHandler"/>). Notification URLs carry secrets: they are never logged, and any echo of
/// them in Agave's answers is masked in exception messages.
/// </remarks>
public sealed class AgaveJobsClient
{
    private readonly PipelineHttpOptions _options;
    private readonly PipelineHttpSender _sender;
    private readonly ILogger<AgaveJobsClient> _logger;

    /// <summary>Creates the client; normally done by <see cref="Microsoft.Extensions.DependencyInjection.PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>.</summary>
    public AgaveJobsClient(HttpClient http, IOptions<PipelineHttpOptions> options, ILogger<AgaveJobsClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        _sender = new PipelineHttpSender(http, _options);
    }

    /// <summary>
    /// Submits <paramref name="definition"/> (<c>POST /jobs/v2/</c>) with <paramref name="notifications"/> added to its
    /// own, typically a PipelineJob's <c>AgaveNotifications()</c>, so that the Agave job moves the PipelineJob to
    /// RUNNING and then FINISHED or FAILED by itself.
    /// </summary>
    /// <param name="definition">The job request.</param>
    /// <param name="notifications">Notifications to register besides the definition's own.</param>
    /// <param name="cancellationToken">Cancels the submission, including its back-off waits.</param>
    /// <returns>The job Agave created: its id and first status.</returns>
    /// <exception cref="PipelineJobValidationException">The definition is incomplete or invalid; nothing was sent.</exception>
    /// <exception cref="AgaveApiException">
    /// Agave refused the job, never answered, or answered without a job id. When no answer came, the job may still have
    /// been created: the message says so, and the submission was not repeated.
    /// </exception>
    /// <exception cref="Auth.TokenExpiredException">The bearer token was rejected and could not be refreshed.</exception>
    public async Task<AgaveJob> SubmitAsync(
        AgaveJobDefinition definition,
        IEnumerable<AgaveNotification>? notifications = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var body = definition.ToJson(notifications);
        var secrets = ((JsonArray)body["notifications"]!).SelectMany(n => SecretRedaction.QueryValues((string)n!["url"]!)).ToArray();
        var json = body.ToJsonString();
        var uri = new Uri(JobsUri([]) + "/");
        var outcome = await _sender.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") }.MarkIdempotent(false),
            cancellationToken).ConfigureAwait(false);

        var what = $"Submitting Agave job '{definition.Name}' of app '{definition.AppId}' (POST {uri})";
        if (!outcome.IsSuccess)
        {
            var exception = outcome.ToException(what, Create, secrets);
            if (MayHaveActed(outcome))
            {
                throw new AgaveApiException(
                    exception.Message + $" Agave may have created the job all the same; it was not submitted again. Look for a job named '{definition.Name}' before submitting it again.",
                    exception.StatusCode, exception.Headers, exception.ResponseBody, exception.InnerException);
            }

            throw exception;
        }

        var result = ReadResult(outcome, what, secrets);
        var id = Text(result, "id") ?? throw outcome.ToException(what + " returned no job id", Create, secrets);
        HttpLog.AgaveJobSubmitted(_logger, id, definition.AppId, ((JsonArray)body["notifications"]!).Count, outcome.Attempts);
        return new AgaveJob(id, Text(result, "status"), result);
    }

    /// <summary>Reads the status of the Agave job <paramref name="jobId"/> (<c>GET /jobs/v2/{id}/status</c>).</summary>
    /// <param name="jobId">The Agave job id; percent-encoded as one path segment.</param>
    /// <param name="cancellationToken">Cancels the request, including its back-off waits.</param>
    /// <returns>The status, e.g. <c>RUNNING</c> or <c>FINISHED</c>.</returns>
    /// <exception cref="PipelineJobValidationException">The job id is empty.</exception>
    /// <exception cref="AgaveApiException">Agave refused the request (404 for an unknown job), never answered, or gave no status.</exception>
    /// <exception cref="Auth.TokenExpiredException">The bearer token was rejected and could not be refreshed.</exception>
    public async Task<string> GetStatusAsync(string jobId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(jobId))
        {
            throw new PipelineJobValidationException("jobId: the Agave job id is empty.");
        }

        var uri = JobsUri([jobId, "status"]);
        var outcome = await _sender.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false);
        var what = $"Reading the status of Agave job '{jobId}' (GET {uri})";
        if (!outcome.IsSuccess)
        {
            throw outcome.ToException(what, Create);
        }

        return Text(ReadResult(outcome, what, []), "status") ?? throw outcome.ToException(what + " returned no status", Create);
    }

    /// <summary>The request reached Agave and the answer does not say it was turned away unprocessed.</summary>
    private static bool MayHaveActed(HttpOutcome outcome) =>
        !outcome.NeverDelivered && outcome.StatusCode is null or (>= HttpStatusCode.InternalServerError and not HttpStatusCode.ServiceUnavailable);

    private Uri JobsUri(string[] segments) => ApiUri.Build(ApiUri.RequireServer(_options), ["jobs", "v2", .. segments]);

    /// <summary>The <c>result</c> object of Agave's envelope.</summary>
    private static JsonObject ReadResult(HttpOutcome outcome, string what, string?[] secrets)
    {
        try
        {
            if (JsonNode.Parse(outcome.Body)?["result"] is JsonObject result)
            {
                return result;
            }
        }
        catch (JsonException)
        {
        }

        throw outcome.ToException(what + " returned no 'result' object", Create, secrets);
    }

    private static string? Text(JsonObject result, string key) =>
        result[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static AgaveApiException Create(
        string message, HttpStatusCode? status, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string body, Exception? inner) =>
        new(message, status, headers, body, inner);
}
