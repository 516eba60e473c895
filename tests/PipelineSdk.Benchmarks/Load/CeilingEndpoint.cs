using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PipelineSdk.Benchmarks.Load;

/// <summary>
/// The ceiling: a bare ASP.NET Core endpoint on the same route that only parses the JSON body and answers a small
/// JSON object, with the same slim host and no logging of requests. Nothing the events endpoint does can be faster.
/// </summary>
public static class CeilingEndpoint
{
    /// <summary>Starts it on a free loopback port.</summary>
    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/actors/v2/{managerId}/messages", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var uuid = body.RootElement.GetProperty("uuid").GetString();
            // With its length declared, as the events endpoint answers: one write, not a chunked body.
            var answer = Encoding.UTF8.GetBytes(
                "{\"status\":\"success\",\"message\":\"ok\",\"version\":\"ceiling\",\"result\":{\"executionId\":\"x\",\"job\":{\"uuid\":\"" + uuid +
                "\",\"state\":\"CREATED\",\"last_event\":\"update\"}}}");
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = answer.Length;
            await http.Response.Body.WriteAsync(answer, http.RequestAborted);
        });
        await app.StartAsync();
        return app;
    }
}
