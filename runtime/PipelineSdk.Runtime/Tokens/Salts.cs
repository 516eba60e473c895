using System.Security.Cryptography;

namespace PipelineSdk.Tokens;

/// <summary>New per-job salts, made as the original's <c>generate_salt()</c> makes them.</summary>
internal static class Salts
{
    /// <summary>The original's default <c>CATALOG_SALT_LENGTH</c> in bytes.</summary>
    public const int ByteLength = 16;

    /// <summary>
    /// 16 cryptographically random bytes in standard base64 with padding, lower-cased (as the original's
    /// <c>Salt</c> class does): 24 characters.
    /// </summary>
    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(ByteLength)).ToLowerInvariant();
}
