using System.Text.Json.Nodes;
using System.Text.Json;
using PipelineSdk.Abaco;
using PipelineSdk.Errors;
using PipelineSdk.Http;

namespace PipelineSdk.Transport;

/// <summary>
/// Turns the events endpoint's JSON errors
/// (<c>{"status":"error","message":…,"error":{"type":…,"state":…,"event":…}}</c>) back into the exceptions a store
/// raises, so both transports fail the same way.
/// </summary>
internal static class EndpointErrors
{
    /// <summary>The job exception for the endpoint's error, or null when the answer is not one (then the HTTP error stands).</summary>
    public static PipelineJobException? ToJobException(AbacoApiException exception, JobEventRequest request)
    {
        if (ReadError(exception.ResponseBody) is not { } error)
        {
            return null;
        }

        var eventName = request.Event.ToWireName();
        // The server's text is quoted; mask the request's token in case it was echoed.
        var serverSays = SecretRedaction.Mask(error.Message ?? "no message", [request.Token?.Reveal()]);
        return error.Type switch
        {
            "invalid_transition" when JobStates.TryParse(error.State, out var state) =>
                new InvalidTransitionException(state, JobEvents.TryParse(error.Event, out var refused) ? refused : request.Event),
            "unknown_job" => new UnknownJobException(request.JobUuid),
            "history_full" => new JobHistoryFullException($"apply '{eventName}' to job {request.JobUuid}", "the events endpoint's store"),
            "admin_token_required" => new AdminTokenRequiredException(eventName),
            "invalid_token" => new InvalidTokenException($"The events endpoint refused the token of event '{eventName}' on job {request.JobUuid}: {serverSays}"),
            "validation" => new PipelineJobValidationException($"The events endpoint refused event '{eventName}' on job {request.JobUuid}: {serverSays}"),
            _ => null,
        };
    }

    private static EndpointError? ReadError(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject root || root["error"] is not JsonObject error)
            {
                return null;
            }

            return new EndpointError(Text(error["type"]), Text(root["message"]), Text(error["state"]), Text(error["event"]));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The text of a JSON string value, else null.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private sealed record EndpointError(string? Type, string? Message, string? State, string? Event);
}
