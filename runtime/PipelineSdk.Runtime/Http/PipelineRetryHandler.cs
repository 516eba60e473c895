using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PipelineSdk.Http;

/// <summary>
/// The SDK's retry policy as a handler of the HTTP clients' pipeline (added by
/// <see cref="Microsoft.Extensions.DependencyInjection.PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>):
/// up to <see cref="PipelineHttpOptions.MaxAttempts"/> attempts, each bounded by
/// <see cref="PipelineHttpOptions.RequestTimeout"/> (its body included); jittered exponential back-off as the Python
/// SDK (start at the initial delay, multiply by 1 + random after each failure, cap at the maximum); Retry-After
/// honoured; retries only on timeouts, connection failures, 408, 429 and 5xx. Any other status (400, 401, 403, 404, …)
/// is returned at once. The caller's cancellation is honoured immediately and is never retried.
/// </summary>
/// <remarks>
/// A request that is not idempotent (a POST, unless it carries an id the receiver de-duplicates on) is sent again only
/// when the server cannot have acted on it: no connection was made, or it answered 429 or 503. After a timeout, a
/// dropped connection or another 5xx it may have acted, and a second send could start a second actor execution or a
/// second job, so the failure is returned as it is. To use another policy (for example
/// <c>AddStandardResilienceHandler</c>), remove this handler from a client's pipeline with
/// <see cref="Microsoft.Extensions.DependencyInjection.PipelineHttpServiceCollectionExtensions.RemovePipelineSdkRetries"/>.
/// </remarks>
public sealed class PipelineRetryHandler : DelegatingHandler
{
    private readonly PipelineHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PipelineRetryHandler> _logger;

    /// <summary>Creates the handler; registered by <c>AddPipelineSdkHttp</c>.</summary>
    public PipelineRetryHandler(IOptions<PipelineHttpOptions> options, TimeProvider time, ILogger<PipelineRetryHandler> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = SecretRedaction.WithoutQuery(request.RequestUri!);
        var idempotent = request.IsIdempotent();
        var delay = _options.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            request.Options.Set(PipelineHttpRequest.Attempts, attempt);
            var (response, failure, neverDelivered) = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            var status = response?.StatusCode;
            var outcome = response is not null ? $"{(int)response.StatusCode} {response.StatusCode}" : HttpOutcome.DescribeFailure(failure!, _options.RequestTimeout);
            if (response is { IsSuccessStatusCode: true })
            {
                return response;
            }

            if (!IsRetryable(status))
            {
                HttpLog.NotRetried(_logger, request.Method.Method, endpoint, outcome);
                return response!;
            }

            if (!idempotent && !neverDelivered && status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            {
                HttpLog.NotResent(_logger, request.Method.Method, endpoint, outcome);
                return response ?? throw failure!;
            }

            if (attempt >= _options.MaxAttempts)
            {
                HttpLog.RetriesExhausted(_logger, request.Method.Method, endpoint, outcome, attempt);
                return response ?? throw failure!;
            }

            var wait = RetryAfter(response) is { } retryAfter ? Min(retryAfter, _options.MaxRetryDelay) : delay;
            response?.Dispose();
            HttpLog.AttemptFailed(_logger, request.Method.Method, endpoint, attempt, _options.MaxAttempts, outcome, wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            delay = Min(delay * (1 + Random.Shared.NextDouble()), _options.MaxRetryDelay);
        }
    }

    /// <summary>One attempt: a response with its body read, or the transport failure and whether the server can have seen it.</summary>
    private async Task<(HttpResponseMessage? Response, Exception? Failure, bool NeverDelivered)> SendOnceAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(attemptTimeout.Token).ConfigureAwait(false);
            return (response, null, false);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            // The attempt's own timeout: surfaced as HttpClient surfaces its timeout, a cancellation caused by a TimeoutException.
            response?.Dispose();
            return (null, new TaskCanceledException(error.Message, new TimeoutException(HttpOutcome.DescribeTimeout(_options.RequestTimeout), error)), false);
        }
        catch (HttpRequestException error)
        {
            response?.Dispose();
            return (null, error, HttpOutcome.IsNeverDelivered(error));
        }
    }

    private static bool IsRetryable(HttpStatusCode? status) => status switch
    {
        null => true,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => false,
        var code => (int)code >= 500,
    };

    /// <summary>The server's Retry-After, as a delay from now.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
