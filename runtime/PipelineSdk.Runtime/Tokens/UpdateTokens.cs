using System.Buffers;
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

    /// <summary>The longest message hashed on the stack: a salt, a uuid and a short owner, project and tenant fit.</summary>
    private const int StackMessageBytes = 512;

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

    /// <summary>The token text itself, for the stores that wrap it with the salt it came from.</summary>
    internal static string DeriveText(string salt, string jobUuid, JobAdmin admin, int length = DefaultLength)
    {
        // The salt is a secret: argument checks name the parameter, never the value. An empty salt hashes as the
        // original hashes it (stores never generate one).
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        ArgumentNullException.ThrowIfNull(jobUuid);
        ArgumentNullException.ThrowIfNull(admin);
        var fields = TokenFieldsMemo.For(jobUuid, admin);
        // Hashed from the stack (every event derives two tokens); the message holds the salt, so it is wiped after.
        var size = Encoding.UTF8.GetMaxByteCount(salt.Length + 1 + fields.Length);
        var rented = size > StackMessageBytes ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> message = rented is null ? stackalloc byte[StackMessageBytes] : rented;
        try
        {
            var written = Encoding.UTF8.GetBytes(salt, message);
            message[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(fields, message[written..]);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(message[..written], digest);
            var hex = Convert.ToHexStringLower(digest[..((length + 1) / 2)]);
            return hex.Length == length ? hex : hex[..length];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
