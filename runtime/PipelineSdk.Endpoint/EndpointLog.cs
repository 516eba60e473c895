using Microsoft.Extensions.Logging;
using PipelineSdk.Identifiers;

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

    [LoggerMessage(EventId = 6005, Level = LogLevel.Debug, Message = "A request from {Client} was malformed at the HTTP level ({StatusCode}): {Reason}")]
    public static partial void ProtocolError(ILogger logger, string client, int statusCode, string reason);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Debug, Message = "The client {Client} went away before its answer ({ErrorType}).")]
    public static partial void ClientGone(ILogger logger, string client, string errorType);

    // The type only: an exception's message can quote stored values, and the log must never hold a secret.
    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "The endpoint failed on a request from {Client} with {ErrorType}; answered 500.")]
    public static partial void Failed(ILogger logger, string client, string errorType);
}
