using System.Security.Cryptography;
using System.Text;

namespace PipelineSdk.Tokens;

/// <summary>Constant-time comparison of token texts, so a comparison does not reveal how much of a guess was right.</summary>
internal static class TokenComparer
{
    /// <summary>True when both texts are equal; runs in time that depends only on the lengths.</summary>
    public static bool FixedTimeEquals(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
    }
}
