using System.Net;
using Microsoft.Extensions.Logging;

namespace PipelineSdk.Http;

/// <summary>
/// The one retry loop of the SDK's HTTP clients: up to <see cref="PipelineHttpOptions.MaxAttempts"/> attempts, each
/// bounded by <see cref="PipelineHttpOptions.RequestTimeout"/>; jittered exponential back-off as the Python SDK
/// (start at the initial delay, multiply by 1 + random after each failure, cap at the maximum); Retry-After honoured;
/// retries only on timeouts, connection failures, 408, 429 and 5xx. Any other status (400, 401, 403, 404, …) ends the
/// loop at once. The caller's cancellation is honoured immediately and is never retried.
/// </summary>
/// <remarks>
/// A request that is not idempotent (a job submission) is sent again only when the server cannot have acted on it: no
/// connection was made, or it answered 429 or 503. After a timeout, a dropped connection or another 5xx it may have
/// acted, and a second send could start a second job, so the outcome is returned as it is.
/// </remarks>
internal sealed class RetryingHttpSender
{
    private readonly HttpClient _http;
    private readonly PipelineHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RetryingHttpSender(HttpClient http, PipelineHttpOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Sends the request built by <paramref name="createRequest"/> (called once per attempt, so each attempt has
    /// fresh content) and returns the final outcome: the first success, the first non-retryable response, or the
    /// last failure once the attempts are used up.
    /// </summary>
    /// <param name="createRequest">Builds the request, once per attempt.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <param name="idempotent">False for a request that must not be sent twice (see the remarks).</param>
    public async Task<HttpOutcome> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken, bool idempotent = true)
    {
        var delay = _options.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            var outcome = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            outcome.Attempts = attempt;
            outcome.SentCredentials = request.GetSentCredentials();
            var endpoint = SecretRedaction.WithoutQuery(request.RequestUri!);
            if (outcome.IsSuccess)
            {
                return outcome;
            }

            if (!IsRetryable(outcome))
            {
                HttpLog.NotRetried(_logger, request.Method.Method, endpoint, outcome.Describe());
                return outcome;
            }

            if (!idempotent && !IsSafeToResend(outcome))
            {
                HttpLog.NotResent(_logger, request.Method.Method, endpoint, outcome.Describe());
                return outcome;
            }

            if (attempt >= _options.MaxAttempts)
            {
                HttpLog.RetriesExhausted(_logger, request.Method.Method, endpoint, outcome.Describe(), attempt);
                return outcome;
            }

            var wait = outcome.RetryAfter is { } retryAfter ? Min(retryAfter, _options.MaxRetryDelay) : delay;
            HttpLog.AttemptFailed(_logger, request.Method.Method, endpoint, attempt, _options.MaxAttempts, outcome.Describe(), wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            delay = Min(delay * (1 + Random.Shared.NextDouble()), _options.MaxRetryDelay);
        }
    }

    private async Task<HttpOutcome> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token)
                .ConfigureAwait(false);
            return await HttpOutcome.ReadAsync(response, _time, attemptTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpOutcome.Failed($"no response within {_options.RequestTimeout}", error);
        }
        catch (HttpRequestException error)
        {
            // The error kind only: transport messages can carry host details we do not need in our own message.
            return HttpOutcome.Failed($"transport error ({error.HttpRequestError})", error, neverDelivered: error.HttpRequestError
                is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError);
        }
    }

    private static bool IsRetryable(HttpOutcome outcome) => outcome.StatusCode switch
    {
        null => true,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => false,
        var status => (int)status >= 500,
    };

    /// <summary>The server cannot have acted on the request: it never reached it, or it was turned away unprocessed.</summary>
    private static bool IsSafeToResend(HttpOutcome outcome) =>
        outcome.NeverDelivered || outcome.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
