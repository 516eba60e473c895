using System.Net;
using System.Text.Json;

namespace PipelineSdk.Http;

/// <summary>
/// What one request finally produced through the client's pipeline (retries included): a response (status, headers,
/// body) or a transport failure. Clients turn a failed outcome into their own <see cref="PipelineApiException"/> subclass.
/// </summary>
internal sealed class HttpOutcome
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new Dictionary<string, IReadOnlyList<string>>();

    private HttpOutcome(
        HttpStatusCode? statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string body,
        string? transportProblem,
        Exception? transportError,
        bool neverDelivered)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        TransportProblem = transportProblem;
        TransportError = transportError;
        NeverDelivered = neverDelivered;
    }

    public HttpStatusCode? StatusCode { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    public string Body { get; }

    /// <summary>Why no response arrived (timeout, connection error), or null when one did.</summary>
    public string? TransportProblem { get; }

    public Exception? TransportError { get; }

    /// <summary>
    /// No connection to the server was made (name resolution, connect or TLS failed), so the server cannot have seen
    /// the request: even a request that is not idempotent may be sent again.
    /// </summary>
    public bool NeverDelivered { get; }

    /// <summary>Credentials the handlers sent with the request (masked wherever the server's text is quoted).</summary>
    public IReadOnlyList<string> SentCredentials { get; set; } = [];

    /// <summary>How many attempts were made; set from what the retry handler recorded on the request.</summary>
    public int Attempts { get; set; } = 1;

    public bool IsSuccess => StatusCode is { } status && (int)status is >= 200 and < 300;

    public static async Task<HttpOutcome> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new HttpOutcome(response.StatusCode, CollectHeaders(response), body, null, null, neverDelivered: false);
    }

    public static HttpOutcome Failed(string problem, Exception error, bool neverDelivered = false) =>
        new(null, NoHeaders, string.Empty, problem, error, neverDelivered);

    public static string DescribeTimeout(TimeSpan timeout) => $"no response within {timeout}";

    /// <summary>A transport failure in a few words: the error kind only, as transport messages can carry host details.</summary>
    public static string DescribeFailure(Exception error, TimeSpan timeout) => error switch
    {
        HttpRequestException http => $"transport error ({http.HttpRequestError})",
        OperationCanceledException => DescribeTimeout(timeout),
        _ => error.GetType().Name,
    };

    /// <summary>
    /// No connection to the server was made (name resolution, connect or TLS failed), so the server cannot have seen
    /// the request.
    /// </summary>
    public static bool IsNeverDelivered(HttpRequestException error) => error.HttpRequestError
        is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    /// <summary>"404 NotFound" or the transport problem, for log lines and messages.</summary>
    public string Describe() => StatusCode is { } status ? $"{(int)status} {status}" : TransportProblem ?? "no response";

    /// <summary>
    /// The server's own explanation (the <c>message</c> of a JSON envelope, else the start of the body), with the
    /// given secrets masked in case the server echoed one back.
    /// </summary>
    public string ServerMessage(params string?[] secrets)
    {
        var text = TryReadEnvelopeMessage(Body) ?? Body;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > 300)
        {
            text = text[..300] + "…";
        }

        return SecretRedaction.Mask(text, [.. secrets, .. SentCredentials]);
    }

    /// <summary>Builds the final exception: "{what} failed: 500 InternalServerError after 6 attempt(s): server says …".</summary>
    public TException ToException<TException>(
        string what,
        Func<string, HttpStatusCode?, IReadOnlyDictionary<string, IReadOnlyList<string>>, string, Exception?, TException> create,
        params string?[] secrets)
        where TException : PipelineApiException
    {
        var serverSays = ServerMessage(secrets);
        var message = $"{what} failed: {Describe()} after {Attempts} attempt(s)"
            + (serverSays.Length > 0 ? $"; the server said: {serverSays}" : ".");
        return create(message, StatusCode, Headers, Body, TransportError);
    }

    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = values.ToArray();
        }

        return headers;
    }

    private static string? TryReadEnvelopeMessage(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
