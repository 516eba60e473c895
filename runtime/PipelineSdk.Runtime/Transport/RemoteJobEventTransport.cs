using System.Text.Json.Nodes;
using System.Text.Json;
using PipelineSdk.Abaco;
using PipelineSdk.Http;

namespace PipelineSdk.Transport;

/// <summary>
/// Sends events through the events endpoint (the jobs-manager's Abaco messages URL, or a job's callback URL) for a
/// process that has no database credentials. The body is the manager's event message
/// <c>{"uuid","name","data","token"}</c>, which overrides the URL's own <c>uuid</c>/<c>token</c> parameters; the
/// post uses <see cref="AbacoClient"/>'s retry policy (jittered exponential back-off, at most 6 attempts, no retry on
/// a 4xx other than 429). The endpoint's JSON errors become the same exceptions the store raises.
/// </summary>
/// <remarks>
/// Tokens travel in the body and in the URL's query, never in a log line: the URL is logged without its query.
/// The callback token, which does not rotate, is accepted only for client events; send <c>index</c>/<c>indexed</c> with the
/// update token and admin events with an admin token.
/// </remarks>
public sealed class RemoteJobEventTransport : IJobEventTransport
{
    private readonly AbacoClient _abaco;
    private readonly Uri _eventsUrl;

    /// <summary>Creates the transport.</summary>
    /// <param name="abaco">The Abaco client (registered by <c>AddPipelineSdkHttp</c>).</param>
    /// <param name="eventsUrl">
    /// The events endpoint: a job's callback URL (<see cref="Jobs.ManagedPipelineJob.Callback"/>) or
    /// <c>{api}/actors/v2/{job_manager_id}/messages?x-nonce=…</c>.
    /// </param>
    public RemoteJobEventTransport(AbacoClient abaco, Uri eventsUrl)
    {
        ArgumentNullException.ThrowIfNull(abaco);
        ArgumentNullException.ThrowIfNull(eventsUrl);
        _abaco = abaco;
        _eventsUrl = eventsUrl;
    }

    /// <inheritdoc />
    /// <exception cref="AbacoApiException">The endpoint could not be reached or refused the post without a job error.</exception>
    public async Task<JobEventResult> SendAsync(JobEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new JsonObject { ["uuid"] = request.JobUuid, ["name"] = request.Event.ToWireName() };
        if (request.Data is not null)
        {
            message["data"] = request.Data.DeepClone();
        }

        if (request.Token is not null)
        {
            message["token"] = request.Token.Reveal();
        }

        string body;
        try
        {
            body = await _abaco.PostToUrlForBodyAsync(_eventsUrl, message, cancellationToken).ConfigureAwait(false);
        }
        catch (AbacoApiException ex) when (EndpointErrors.ToJobException(ex, request) is { } refusal)
        {
            throw refusal;
        }

        return ReadResult(body, request.JobUuid);
    }

    /// <summary>Reads <c>result.job</c> (uuid, state, last_event) and <c>result.executionId</c> of the endpoint's answer.</summary>
    internal static JobEventResult ReadResult(string body, string jobUuid)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            root = null;
        }

        var job = root?["result"]?["job"] as JsonObject;
        var state = JobStates.TryParse(EndpointErrors.Text(job?["state"]), out var parsedState) ? parsedState : (JobState?)null;
        var lastEvent = JobEvents.TryParse(EndpointErrors.Text(job?["last_event"]), out var parsedEvent) ? parsedEvent : (JobEvent?)null;
        return new JobEventResult(EndpointErrors.Text(job?["uuid"]) ?? jobUuid, state, lastEvent, null, AbacoClient.ReadExecutionId(body));
    }
}
