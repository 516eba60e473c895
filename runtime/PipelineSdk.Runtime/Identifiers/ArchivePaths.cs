using System.Globalization;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Python;

namespace PipelineSdk.Identifiers;

/// <summary>
/// A job's archive path, byte-compatible with the original:
/// <c>/products/v2/&lt;pipeline&gt;/&lt;H1&gt;/&lt;H2&gt;</c> with every <c>-</c> removed, where H1 hashes the sorted
/// <c>child_of</c> UUIDs and H2 the canonical JSON of the init-time data (data given at setup does not move the
/// path, as in the original), optionally followed by an instanced directory.
/// </summary>
public static class ArchivePaths
{
    private const string Root = "/products/v2/";

    /// <summary>The default (non-instanced) archive path of a job.</summary>
    /// <exception cref="PipelineJobValidationException"><paramref name="pipelineUuid"/> is not a pipeline UUID (prefix 106).</exception>
    public static string Default(string pipelineUuid, IEnumerable<string> childOf, JsonObject initData, string hashidsSalt = Hashids128.DefaultSalt)
    {
        ArgumentNullException.ThrowIfNull(initData);
        // The pipeline UUID becomes a path segment: only a real pipeline UUID may steer where the path goes.
        if (!TypedUuid.IsValid(pipelineUuid, UuidType.Pipeline))
        {
            throw new PipelineJobValidationException($"pipelineUuid '{pipelineUuid}' is not a pipeline UUID (prefix 106).");
        }

        var childOfHash = Hashids128.EncodeUuid(TypedUuid.Create(string.Join(':', JobUuid.SortedChildOf(childOf)), UuidType.Generic), hashidsSalt);
        var dataHash = Hashids128.EncodeUuid(TypedUuid.Create(PythonJson.Dumps(initData), UuidType.Generic), hashidsSalt);
        return (Root + pipelineUuid + "/" + childOfHash + "/" + dataHash).Replace("-", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>
    /// The default path plus <c>/</c> and <see cref="InstancedDirectory"/> of the session at <paramref name="at"/>.
    /// </summary>
    public static string Instanced(string pipelineUuid, IEnumerable<string> childOf, JsonObject initData, string? session, DateTimeOffset at, string hashidsSalt = Hashids128.DefaultSalt) =>
        Default(pipelineUuid, childOf, initData, hashidsSalt) + "/" + InstancedDirectory(session, at);

    /// <summary>
    /// The instanced directory name: <c>session</c> + <c>-</c> (unless it already ends with one) + the UTC time as
    /// <c>yyyyMMddTHHmmss</c> + <c>Z</c>, e.g. <c>sensible-adder-20190215T213009Z</c>. A session that is null or
    /// shorter than four characters is replaced, as in the original, by a generated name followed directly by
    /// the time (<c>brisk-otter20190215T213009Z</c>).
    /// </summary>
    /// <exception cref="PipelineJobValidationException">
    /// The session contains <c>/</c>, <c>\</c>, <c>..</c> or a control character. A session is a correlation name,
    /// not a path: rather than alter it silently, it is refused, so the directory always sits directly below the
    /// default path. (The original would have joined such text into the path as it is.)
    /// </exception>
    public static string InstancedDirectory(string? session, DateTimeOffset at)
    {
        var timestamp = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "Z";
        // Python's len() counts code points, not UTF-16 units.
        if (session is null || CodePoints.Of(session).Length < 4)
        {
            return SessionNames.Generate() + timestamp;
        }

        ValidateSession(session);
        return (session.EndsWith('-') ? session : session + "-") + timestamp;
    }

    private static void ValidateSession(string session)
    {
        var problem =
            session.Contains('/') ? "contains '/'" :
            session.Contains('\\') ? "contains '\\'" :
            session.Contains("..", StringComparison.Ordinal) ? "contains '..'" :
            session.Any(char.IsControl) ? "contains a control character" :
            null;
        if (problem is not null)
        {
            throw new PipelineJobValidationException(
                $"session {PythonRepr.Str(session)} {problem}; a session names the instanced directory below the archive path and cannot contain path syntax.");
        }
    }
}
