using Microsoft.Extensions.Logging;
using PipelineSdk.Agave;

namespace PipelineSdk.Http;

/// <summary>Log messages of the HTTP clients. Endpoints are logged without query strings; no value here is a secret.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(1, LogLevel.Warning,
        "{Method} {Endpoint} attempt {Attempt}/{MaxAttempts} failed with {Outcome}; retrying in {RetryDelay}")]
    public static partial void AttemptFailed(
        ILogger logger, string method, string endpoint, int attempt, int maxAttempts, string outcome, TimeSpan retryDelay);

    [LoggerMessage(2, LogLevel.Error, "{Method} {Endpoint} failed with {Outcome} after {Attempts} attempt(s); giving up")]
    public static partial void RetriesExhausted(ILogger logger, string method, string endpoint, string outcome, int attempts);

    // A 4xx is an answer the caller interprets (a 404 from an existence check is expected), so it is not an error here.
    [LoggerMessage(7, LogLevel.Debug, "{Method} {Endpoint} answered {Outcome}; not retried")]
    public static partial void NotRetried(ILogger logger, string method, string endpoint, string outcome);

    [LoggerMessage(3, LogLevel.Information,
        "Message to actor {ActorId} accepted as execution {ExecutionId} after {Attempts} attempt(s)")]
    public static partial void MessageSent(ILogger logger, string actorId, string executionId, int attempts);

    [LoggerMessage(4, LogLevel.Information, "Posted to callback {Endpoint} after {Attempts} attempt(s)")]
    public static partial void CallbackPosted(ILogger logger, string endpoint, int attempts);

    [LoggerMessage(5, LogLevel.Information, "Agave {Operation} {AgaveSystem}:{AgavePath} done")]
    public static partial void FilesOperationDone(ILogger logger, string operation, string agaveSystem, string agavePath);

    [LoggerMessage(6, LogLevel.Warning, "Refused Agave {Operation} of {AgaveSystem}:{AgavePath}: {Reason}")]
    public static partial void FilesOperationRefused(
        ILogger logger, string operation, string agaveSystem, string agavePath, string reason);

    [LoggerMessage(8, LogLevel.Warning,
        "{Method} {Endpoint} failed with {Outcome}; not re-sent, because the server may have acted on it and the request is not idempotent")]
    public static partial void NotResent(ILogger logger, string method, string endpoint, string outcome);

    [LoggerMessage(9, LogLevel.Information,
        "Agave job {AgaveJobId} of app {AppId} submitted with {NotificationCount} notification(s) after {Attempts} attempt(s)")]
    public static partial void AgaveJobSubmitted(ILogger logger, string agaveJobId, string appId, int notificationCount, int attempts);
}
