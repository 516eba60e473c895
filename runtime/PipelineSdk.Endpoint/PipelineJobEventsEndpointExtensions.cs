using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PipelineSdk.Endpoint;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the events endpoint's routes.</summary>
public static class PipelineJobEventsEndpointExtensions
{
    /// <summary>The Abaco-compatible messages route.</summary>
    public const string MessagesRoute = "/actors/v2/{managerId}/messages";

    /// <summary>The health route.</summary>
    public const string HealthRoute = "/healthz";

    /// <summary>
    /// Maps <c>POST /actors/v2/{managerId}/messages</c> (the jobs-manager's messages, see
    /// <see cref="EventMessageInterpreter"/>) and <c>GET /healthz</c>. Needs
    /// <see cref="PipelineJobEventsServiceCollectionExtensions.AddPipelineJobEvents"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapPipelineJobEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(MessagesRoute, static http => http.RequestServices.GetRequiredService<PipelineJobEventsHandler>().HandleMessageAsync(http));
        endpoints.MapGet(HealthRoute, static http =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.WriteAsync(new JsonObject { ["status"] = "healthy" }.ToJsonString(), http.RequestAborted);
        });
        return endpoints;
    }
}
