using Microsoft.Extensions.Logging;

namespace PipelineSdk.Endpoint;

/// <summary>
/// The events endpoint's log messages. They carry the route path without its query (which holds the nonce and the
/// job token), never a token, nonce, bearer token or body.
/// </summary>
internal static partial class EndpointLog
{
    // Debug, not Information: under load a console line per request would cost as much as the request itself.
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug,
        Message = "{Method} {Path} from {Client} -> {StatusCode} ({Outcome}) job {JobUuid} event {Event} form {Form} in {ElapsedMs} ms")]
    public static partial void Request(
        ILogger logger, string method, string path, string client, int statusCode, string outcome, string jobUuid, string @event, string form, long elapsedMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Forwarded '{Event}' of job {JobUuid} to indexer {Indexer}: execution {ExecutionId}.")]
    public static partial void Forwarded(ILogger logger, string @event, string jobUuid, string indexer, string executionId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "The state-change notification of job {JobUuid} to {EventsManager} failed ({ErrorType}); the event itself was applied.")]
    public static partial void NotificationFailed(ILogger logger, string eventsManager, string jobUuid, string errorType);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Forwarding to the indexer failed for job {JobUuid}: {Reason}")]
    public static partial void ForwardFailed(ILogger logger, string jobUuid, string reason);
}
