using System.Net;
using PipelineSdk.Http;

namespace PipelineSdk.Agave;

/// <summary>An Agave API (files, jobs) refused a request, could not be reached, or gave an answer the SDK cannot use.</summary>
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
