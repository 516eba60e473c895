using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PipelineSdk.Errors;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>
/// Stands in for the events endpoint (issue 7) inside the fake Tapis server: applies the posted event to a store with
/// the body's token (or the URL's) and answers as the endpoint does, success or JSON error with its status.
/// </summary>
public static class EventsEndpointStandIn
{
    public static Func<HttpContext, string, string, Task> Over(IPipelineJobStore store) => async (context, _, body) =>
    {
        var message = JsonNode.Parse(body) as JsonObject ?? [];
        var uuid = (string?)message["uuid"] ?? context.Request.Query["uuid"].FirstOrDefault();
        var name = (string?)message["name"] ?? context.Request.Query["event"].FirstOrDefault();
        var token = (string?)message["token"] ?? context.Request.Query["token"].FirstOrDefault();
        try
        {
            if (uuid is null || name is null)
            {
                throw new PipelineJobValidationException("uuid and name are required.");
            }

            var job = await store.ApplyWithTokenTextAsync(uuid, JobEvents.Parse(name), message["data"] as JsonObject, token);
            await Reply(context, 200, new JsonObject
            {
                ["status"] = "success",
                ["message"] = "Event applied.",
                ["result"] = new JsonObject
                {
                    ["executionId"] = "exec-endpoint-1",
                    ["job"] = new JsonObject { ["uuid"] = job.Uuid, ["state"] = job.State.ToWireName(), ["last_event"] = job.LastEvent.ToWireName() },
                },
            });
        }
        catch (PipelineJobException ex)
        {
            var (status, type) = ex switch
            {
                InvalidTransitionException => (409, "invalid_transition"),
                UnknownJobException => (404, "unknown_job"),
                AdminTokenRequiredException => (403, "admin_token_required"),
                InvalidTokenException => (403, "invalid_token"),
                _ => (400, "validation"),
            };
            var error = new JsonObject { ["type"] = type };
            if (ex is InvalidTransitionException transition)
            {
                error["state"] = transition.State.ToWireName();
                error["event"] = transition.Event.ToWireName();
            }

            await Reply(context, status, new JsonObject { ["status"] = "error", ["message"] = ex.Message, ["error"] = error });
        }
    };

    private static Task Reply(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
