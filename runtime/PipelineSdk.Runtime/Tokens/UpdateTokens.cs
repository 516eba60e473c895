using System.Security.Cryptography;
using System.Text;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Python;

namespace PipelineSdk.Tokens;

/// <summary>
/// Derives a job's update and callback tokens as the original's <c>get_token(salt, [uuid, _admin])</c> does:
/// the first characters of the lower-case sha256 hex of
/// <c>salt + ':' + repr(['&lt;uuid&gt;', {'owner': …, 'project': …, 'tenant': …}])</c>.
/// </summary>
public static class UpdateTokens
{
    /// <summary>The original's default <c>CATALOG_TOKEN_LENGTH</c>.</summary>
    public const int DefaultLength = 16;

    /// <summary>The update token of a job for its current (or a recent) salt.</summary>
    public static UpdateToken Derive(string salt, string jobUuid, JobAdmin admin, int length = DefaultLength) =>
        new(DeriveText(salt, jobUuid, admin, length));

    /// <summary>The callback token of a job: the same derivation over its callback salt, which never rotates.</summary>
    public static CallbackToken DeriveCallback(string callbackSalt, string jobUuid, JobAdmin admin) =>
        new(DeriveText(callbackSalt, jobUuid, admin, DefaultLength));

    /// <summary>
    /// The message that is hashed (without the salt): <c>repr([uuid, _admin])</c>, with <c>_admin</c> in the stored
    /// key order owner, project, tenant. It holds no secret.
    /// </summary>
    public static string TokenFields(string jobUuid, JobAdmin admin)
    {
        ArgumentNullException.ThrowIfNull(jobUuid);
        ArgumentNullException.ThrowIfNull(admin);
        var adminRepr = PythonRepr.Dict(
        [
            new("owner", admin.Owner),
            new("project", admin.Project),
            new("tenant", admin.Tenant),
        ]);
        return "[" + PythonRepr.Str(jobUuid) + ", " + adminRepr + "]";
    }

    private static string DeriveText(string salt, string jobUuid, JobAdmin admin, int length)
    {
        // The salt is a secret: argument checks name the parameter, never the value. An empty salt hashes as the
        // original hashes it (stores never generate one).
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        ArgumentNullException.ThrowIfNull(jobUuid);
        ArgumentNullException.ThrowIfNull(admin);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + TokenFieldsMemo.For(jobUuid, admin)));
        return Convert.ToHexStringLower(digest)[..length];
    }
}
