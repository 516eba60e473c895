using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PipelineSdk.Endpoint;

/// <summary>
/// Gives every error the host answers the endpoint's JSON error body: 404 for an unknown path, 405 for a wrong
/// method, 414 and 431 for an over-long target or headers (checked here, under limits raised in Kestrel, so Kestrel
/// does not answer them first with an empty body), and 500 for an exception escaping a route.
/// </summary>
internal static class HttpErrorBodies
{
    /// <summary>The longest request target (path and query) answered; longer gets 414.</summary>
    public const int MaxRequestTargetLength = 8 * 1024;

    /// <summary>The most header bytes (names and values) answered; more gets 431.</summary>
    public const int MaxRequestHeaderBytes = 32 * 1024;

    /// <summary>The most headers answered; more gets 431.</summary>
    public const int MaxRequestHeaderCount = 100;

    /// <summary>Kestrel's own limits, well above the endpoint's so that the endpoint answers first.</summary>
    public static void RaiseKestrelLimits(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = 8 * MaxRequestTargetLength;
        limits.MaxRequestHeadersTotalSize = 8 * MaxRequestHeaderBytes;
        limits.MaxRequestHeaderCount = 8 * MaxRequestHeaderCount;
    }

    /// <summary>Adds the middleware; it must come before the routes' endpoints run.</summary>
    public static void UseJsonErrorBodies(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (LimitExceeded(http) is { } refused)
        {
            await WriteAsync(http, refused).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpErrorBodies).FullName!)
                .LogError("A request to {Path} failed with {ErrorType}; answered 500.", http.Request.Path.Value, e.GetType().Name);
            await WriteAsync(http, new(EndpointErrorType.InternalError, 500, "The endpoint failed on this request.")).ConfigureAwait(false);
            return;
        }

        if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentLength is null && http.Response.ContentType is null)
        {
            await WriteAsync(http, ForStatus(http)).ConfigureAwait(false);
        }
    });

    private static EndpointError? LimitExceeded(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > MaxRequestTargetLength)
        {
            return new(EndpointErrorType.UriTooLong, 414, $"The request target is {target.Length} characters long; at most {MaxRequestTargetLength} are accepted.");
        }

        var headers = http.Request.Headers;
        var bytes = headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0));
        return headers.Count > MaxRequestHeaderCount || bytes > MaxRequestHeaderBytes
            ? new(EndpointErrorType.HeadersTooLarge, 431,
                $"The request has {headers.Count} headers of {bytes} bytes; at most {MaxRequestHeaderCount} headers of {MaxRequestHeaderBytes} bytes are accepted.")
            : null;
    }

    private static EndpointError ForStatus(HttpContext http) => http.Response.StatusCode switch
    {
        404 => new(EndpointErrorType.NotFound, 404, $"No route has the path '{Shown(http.Request.Path.Value)}'; events go to POST /actors/v2/{{managerId}}/messages."),
        405 => new(EndpointErrorType.MethodNotAllowed, 405, $"The route does not take {Shown(http.Request.Method)}; events are sent with POST."),
        var status => new(status == 500 ? EndpointErrorType.InternalError : EndpointErrorType.BadRequest, status, "The request could not be answered."),
    };

    private static string Shown(string? value) => value is { Length: > 64 } ? value[..64] + "…" : value ?? "";

    private static Task WriteAsync(HttpContext http, EndpointError error)
    {
        var version = http.RequestServices.GetService<IOptions<PipelineJobEventsOptions>>()?.Value.Version ?? new PipelineJobEventsOptions().Version;
        return JsonResponse.WriteAsync(http, error.StatusCode, EndpointResponses.Error(error, version));
    }
}
