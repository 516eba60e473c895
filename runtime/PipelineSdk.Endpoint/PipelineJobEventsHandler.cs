using System.Buffers;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Abaco;
using PipelineSdk.Errors;
using PipelineSdk.Http;
using PipelineSdk.Reactors;

namespace PipelineSdk.Endpoint;

/// <summary>
/// Handles <c>POST /actors/v2/{managerId}/messages</c>: manager id (404), rate limit (429), authentication (401/403),
/// body size (413), interpretation (400), then the event (403/404/409 from the store). Every check comes before the
/// one write, so nothing is written on any error.
/// </summary>
internal sealed class PipelineJobEventsHandler(
    IOptions<PipelineJobEventsOptions> eventsOptions,
    ClientRateLimiter rateLimiter,
    JobEventDispatcher dispatcher,
    TimeProvider time,
    ILogger<PipelineJobEventsHandler> logger)
{
    private readonly PipelineJobEventsOptions options = eventsOptions.Value;

    public async Task HandleMessageAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var managerId = http.Request.RouteValues["managerId"] as string ?? "";
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        EventRequest? request = null;
        int status;
        string outcome;
        try
        {
            (status, outcome) = await RespondAsync(http, managerId, client, r => request = r).ConfigureAwait(false);
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested || e is IOException)
        {
            // The client went away (or broke the connection) mid-request: nobody is left to answer.
            (status, outcome) = (499, "client_gone");
            EndpointLog.ClientGone(logger, client, e.GetType().Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect: answered as a JSON 500 and logged by type only, never with the request's data.
            EndpointLog.Failed(logger, client, e.GetType().Name);
            (status, outcome) = http.Response.HasStarted
                ? (500, "failed")
                : await WriteErrorAsync(http, new(EndpointErrorType.InternalError, 500, "The endpoint failed on this request; check the job before retrying.")).ConfigureAwait(false);
        }

        EndpointLog.Request(
            logger,
            http.Request.Method,
            http.Request.Path.Value ?? "",
            client,
            status,
            outcome,
            request?.Uuid ?? "-",
            request?.Event.ToWireName() ?? "-",
            request?.Form.ToString() ?? "-",
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<(int Status, string Outcome)> RespondAsync(HttpContext http, string managerId, string client, Action<EventRequest> seen)
    {
        if (!options.IsManager(managerId))
        {
            return await WriteErrorAsync(http, new(EndpointErrorType.UnknownManager, 404, $"Actor '{managerId}' is not a jobs manager of this endpoint.")).ConfigureAwait(false);
        }

        if (!rateLimiter.TryAcquire(client))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.RateLimitWindow.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await WriteErrorAsync(http, new(EndpointErrorType.RateLimited, 429,
                $"Too many messages from this client: at most {options.RateLimitPermits} per {options.RateLimitWindow.TotalSeconds} s.")).ConfigureAwait(false);
        }

        var query = http.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.FirstOrDefault(), StringComparer.Ordinal);
        if (EndpointAuthenticator.Check(options, query.GetValueOrDefault(AbacoVariables.Nonce), http.Request.Headers.Authorization.FirstOrDefault()) is { } denied)
        {
            return await WriteErrorAsync(http, denied).ConfigureAwait(false);
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(http.Request, options.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // Bad chunking, a body shorter than its Content-Length, a body too slow: Kestrel's own words, which never
            // quote the body, at Debug without a stack trace (a client's mistake, not the server's).
            EndpointLog.ProtocolError(logger, client, e.StatusCode, e.Message);
            return await WriteErrorAsync(http, new(e.StatusCode == 413 ? EndpointErrorType.PayloadTooLarge : EndpointErrorType.BadRequest,
                e.StatusCode is 400 or 413 ? e.StatusCode : 400, $"The request body could not be read: {e.Message}")).ConfigureAwait(false);
        }

        if (body is null)
        {
            return await WriteErrorAsync(http, new(EndpointErrorType.PayloadTooLarge, 413, $"The body is larger than {options.MaxBodyBytes} bytes.")).ConfigureAwait(false);
        }

        var interpretation = EventMessageInterpreter.Interpret(query, body, http.Request.ContentType);
        if (!interpretation.IsValid)
        {
            return await WriteErrorAsync(http, interpretation.Error).ConfigureAwait(false);
        }

        var request = interpretation.Request;
        seen(request);
        try
        {
            var outcome = await dispatcher.DispatchAsync(request, http.RequestAborted).ConfigureAwait(false);
            var executionId = outcome.ForwardExecutionId ?? MockAbacoIds.NewId(time);
            await JsonResponse.WriteAsync(http, 200, EndpointResponses.Success(EndpointResponses.Describe(request, outcome), options.Version, executionId, outcome)).ConfigureAwait(false);
            return (200, outcome.ForwardedTo is null ? "applied" : "forwarded");
        }
        catch (AbacoApiException e)
        {
            EndpointLog.ForwardFailed(logger, request.Uuid, e.Message);
            return await WriteErrorAsync(http, new(EndpointErrorType.ForwardFailed, 502,
                $"Forwarding '{request.Event.ToWireName()}' to the indexer failed; nothing was written.", Event: request.Event.ToWireName())).ConfigureAwait(false);
        }
        catch (PipelineJobException e)
        {
            return await WriteErrorAsync(http, EndpointError.FromException(e, request.Event.ToWireName())).ConfigureAwait(false);
        }
    }

    /// <summary>The body, or null when it is over <paramref name="limit"/> bytes (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // A pooled chunk rather than a fresh (zeroed) 16 KB array per request; the stream starts at the declared size.
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private async Task<(int Status, string Outcome)> WriteErrorAsync(HttpContext http, EndpointError error)
    {
        await JsonResponse.WriteAsync(http, error.StatusCode, EndpointResponses.Error(error, options.Version)).ConfigureAwait(false);
        return (error.StatusCode, error.TypeName);
    }
}
