using Microsoft.Extensions.Logging;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Jobs;

/// <summary>The job objects' log messages: uuids, events and states only, never a token, nonce or callback URL.</summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Job {JobUuid} set up in state {State} (archive {ArchiveSystem}:{ArchivePath}).")]
    public static partial void SetUp(ILogger logger, string jobUuid, string state, string archiveSystem, string archivePath);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Sent '{Event}' to job {JobUuid}: state {State}.")]
    public static partial void EventSent(ILogger logger, string @event, string jobUuid, string state);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "'{Event}' on job {JobUuid} was refused: {Reason}")]
    public static partial void EventRefused(ILogger logger, string @event, string jobUuid, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Job {JobUuid} was cancelled and deleted before it ran.")]
    public static partial void Cancelled(ILogger logger, string jobUuid);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Job {JobUuid} was deleted by an administrator.")]
    public static partial void Deleted(ILogger logger, string jobUuid);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Could not create the archive path {ArchiveSystem}:{ArchivePath} of job {JobUuid}: {Reason}")]
    public static partial void ArchiveSetupFailed(ILogger logger, string jobUuid, string archiveSystem, string archivePath, string reason);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Could not clear the archive path {ArchiveSystem}:{ArchivePath} of job {JobUuid}: {Reason}")]
    public static partial void ArchiveClearFailed(ILogger logger, string jobUuid, string archiveSystem, string archivePath, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "{Option} has {Count} index requests, at least the recommended maximum of {Maximum}.")]
    public static partial void ManyPatterns(ILogger logger, string option, int count, int maximum);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Debug, Message = "Dropped identifier {Identifier} of {Option}: nothing in the catalog matches it.")]
    public static partial void Unresolved(ILogger logger, string option, string identifier);
}
