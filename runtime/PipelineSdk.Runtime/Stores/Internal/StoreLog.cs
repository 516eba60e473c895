using Microsoft.Extensions.Logging;
using PipelineSdk.Identifiers;
using PipelineSdk.Stores;

namespace PipelineSdk.Stores.Internal;

/// <summary>The stores' log messages. None of them carries a token, salt or password.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Created job {JobUuid} of pipeline {PipelineUuid}.")]
    public static partial void Created(ILogger logger, string jobUuid, string pipelineUuid);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Job {JobUuid} already exists; returning the stored record.")]
    public static partial void AlreadyExists(ILogger logger, string jobUuid);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Applied '{Event}' to job {JobUuid}: state {State}, revision {Revision}.")]
    public static partial void Applied(ILogger logger, string @event, string jobUuid, string state, long revision);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Accepted '{Event}' on job {JobUuid} although its token is not valid ({Reason}): the store's token policy is Permissive.")]
    public static partial void AcceptedInvalidToken(ILogger logger, string @event, string jobUuid, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "The conditional update of '{Event}' on job {JobUuid} missed but the job now allows it (a concurrent change); retrying.")]
    public static partial void Retrying(ILogger logger, string @event, string jobUuid);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Deleted job {JobUuid} ({Deletion}).")]
    public static partial void Deleted(ILogger logger, string jobUuid, JobDeletion deletion);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Ensured the indexes of collection {Collection}.")]
    public static partial void IndexesEnsured(ILogger logger, string collection);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Copying the write-ahead log of {FilePath} into the database file failed: {Error} Nothing is lost: the pages stay in the log, and the store tries again.")]
    public static partial void CheckpointFailed(ILogger logger, string filePath, string error);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "The write-ahead log of {FilePath} is copied into the database file again, after {Failures} failed attempts.")]
    public static partial void CheckpointRecovered(ILogger logger, string filePath, int failures);
}
