using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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
    /// <see cref="EventMessageInterpreter"/>) and, through ASP.NET Core's health checks, <c>GET /healthz</c>: 200 with
    /// <c>{"status":"healthy"}</c>, or 503 with <c>{"status":"unhealthy"}</c> when a registered check (the store's,
    /// <see cref="PipelineJobStoreHealthCheck"/>) fails. Needs
    /// <see cref="PipelineJobEventsServiceCollectionExtensions.AddPipelineJobEvents"/>.
    /// </summary>
    /// <returns>
    /// The group holding the messages route, to chain conventions on (<c>.RequireAuthorization()</c>,
    /// <c>.RequireHost(…)</c>, endpoint filters). The health route is not in it, so probes keep working when the
    /// messages route requires more.
    /// </returns>
    public static RouteGroupBuilder MapPipelineJobEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // GET only, as before health checks answered it: other methods get the endpoint's 405.
        endpoints.MapHealthChecks(HealthRoute, new HealthCheckOptions { ResponseWriter = WriteHealthAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        var events = endpoints.MapGroup(string.Empty);
        events.MapPost(MessagesRoute, static http => http.RequestServices.GetRequiredService<PipelineJobEventsHandler>().HandleMessageAsync(http));
        return events;
    }

    // The status only: a failing check's description names database hosts, which an anonymous caller need not see.
    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        return JsonResponse.WriteAsync(http, http.Response.StatusCode, new JsonObject { ["status"] = report.Status.ToString().ToLowerInvariant() });
    }
}
