using System.Net;
using PipelineSdk.Http;

namespace PipelineSdk.Abaco;

/// <summary>The Abaco messages API (or a callback URL) refused a message or could not be reached.</summary>
public sealed class AbacoApiException : PipelineApiException
{
    /// <inheritdoc cref="PipelineApiException(string, HttpStatusCode?, IReadOnlyDictionary{string, IReadOnlyList{string}}, string, Exception?)" />
    public AbacoApiException(
        string message,
        HttpStatusCode? statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string responseBody,
        Exception? innerException = null)
        : base(message, statusCode, headers, responseBody, innerException) { }
}
