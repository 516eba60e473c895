using System.Net;

namespace PipelineSdk.Http;

/// <summary>The Agave files API refused a request or could not be reached.</summary>
public sealed class AgaveApiException : PipelineApiException
{
    /// <inheritdoc cref="PipelineApiException(string, HttpStatusCode?, IReadOnlyDictionary{string, IReadOnlyList{string}}, string, Exception?)" />
    public AgaveApiException(
        string message,
        HttpStatusCode? statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string responseBody,
        Exception? innerException = null)
        : base(message, statusCode, headers, responseBody, innerException) { }
}
