using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PipelineSdk.Endpoint;

/// <summary>How the endpoint writes every JSON answer.</summary>
internal static class JsonResponse
{
    /// <summary>
    /// Writes <paramref name="body"/> as UTF-8 JSON with its length declared: the status line, headers and body then
    /// leave in one write, where a body of unknown length would be chunked and need a second write to end it.
    /// </summary>
    public static Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }
}
