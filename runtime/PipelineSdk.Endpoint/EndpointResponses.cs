using System.Text.Json.Nodes;

namespace PipelineSdk.Endpoint;

/// <summary>
/// The JSON bodies of the endpoint, shaped like Abaco's envelope
/// <c>{"status", "message", "version", "result"}</c>, with <c>error</c> in place of
/// <c>result</c> on failure.
/// </summary>
public static class EndpointResponses
{
    /// <summary>The success body: the execution id and the job's uuid, state and last event. No token.</summary>
    public static JsonObject Success(string message, string version, string executionId, EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new JsonObject
        {
            ["status"] = "success",
            ["message"] = message,
            ["version"] = version,
            ["result"] = new JsonObject
            {
                ["executionId"] = executionId,
                ["job"] = new JsonObject
                {
                    ["uuid"] = outcome.JobUuid,
                    ["state"] = outcome.State.ToWireName(),
                    ["last_event"] = outcome.LastEvent.ToWireName(),
                },
            },
        };
    }

    /// <summary>The error body: <c>error.type</c>, and <c>error.state</c>/<c>error.event</c> when known.</summary>
    public static JsonObject Error(EndpointError error, string version)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = new JsonObject { ["type"] = error.TypeName };
        if (error.State is not null)
        {
            detail["state"] = error.State;
        }

        if (error.Event is not null)
        {
            detail["event"] = error.Event;
        }

        return new JsonObject
        {
            ["status"] = "error",
            ["message"] = error.Message,
            ["version"] = version,
            ["error"] = detail,
        };
    }

    /// <summary>The sentence of a success: what happened to the job.</summary>
    public static string Describe(EventRequest request, EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.ForwardedTo is { } indexer
            ? $"Event '{request.Event.ToWireName()}' for job {request.Uuid} was forwarded to indexer {indexer}."
            : $"Job {outcome.JobUuid} is {outcome.State.ToWireName()} after '{request.Event.ToWireName()}'.";
    }
}
