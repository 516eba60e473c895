using System.Net;
using PipelineSdk.Errors;

namespace PipelineSdk.Http;

/// <summary>
/// A remote API (Abaco, Agave, the token endpoint) refused a request or could not be reached. Carries the HTTP status,
/// the response headers and the raw body for diagnosis. The message names the method, the endpoint (never its query
/// string), the status and the number of attempts; it never contains a token, a nonce or a secret.
/// </summary>
public class PipelineApiException : PipelineJobException
{
    /// <summary>Creates the exception from what the last attempt saw.</summary>
    /// <param name="message">What failed and where, without secrets.</param>
    /// <param name="statusCode">The last HTTP status, or null when no response arrived (timeout, connection reset).</param>
    /// <param name="headers">The last response's headers (content headers included); empty without a response.</param>
    /// <param name="responseBody">The last response's body as text; empty without a response.</param>
    /// <param name="innerException">The transport error, when there was one.</param>
    public PipelineApiException(
        string message,
        HttpStatusCode? statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string responseBody,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Headers = headers;
        ResponseBody = responseBody;
    }

    /// <summary>The last HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The last response's headers, content headers included.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The last response's raw body.</summary>
    public string ResponseBody { get; }
}
