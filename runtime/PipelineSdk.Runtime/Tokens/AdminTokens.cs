using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PipelineSdk.Tokens;

/// <summary>
/// The original's administrative tokens (<c>datacatalog/tokens/admin.py</c>), byte for byte, so Python
/// and C# clients configured with the same key and secret accept each other's tokens.
/// </summary>
/// <remarks>
/// The token for time <c>t</c> is the first <c>length</c> hex characters of sha256 over the UTF-8 text
/// <c>secret:key:d1:d2:…</c>, where <c>d1 d2 …</c> are the decimal digits of the window number
/// <c>trunc(t / lifetime)</c>, one element per digit as the original joins them. A token is valid in its own window
/// and the next, so it lives between one and two lifetimes.
/// </remarks>
public static class AdminTokens
{
    /// <summary>The original's default lifetime of a window, in seconds (<c>CATALOG_ADMIN_TOKEN_LIFETIME</c>).</summary>
    public const int DefaultLifetimeSeconds = 3600;

    /// <summary>The original's default token length, in hex characters (<c>CATALOG_TOKEN_LENGTH</c>).</summary>
    public const int DefaultLength = 16;

    /// <summary>The admin token of the window that contains <paramref name="at"/> (or of the window before it).</summary>
    /// <param name="key">
    /// The admin key (<c>CATALOG_ADMIN_TOKEN_KEY</c> in Python). An empty key computes what the original computes;
    /// <see cref="AdminTokenOptions"/> refuses it as configuration.
    /// </param>
    /// <param name="secret">The admin secret (<c>CATALOG_ADMIN_TOKEN_SECRET</c> in Python).</param>
    /// <param name="at">The time the token is issued for; only its whole Unix seconds count.</param>
    /// <param name="lifetimeSeconds">The window length, at least 1.</param>
    /// <param name="previous">True for the token of the previous window (the original's <c>previous=True</c>).</param>
    /// <param name="length">How many hex characters to keep, 1 to 64.</param>
    /// <exception cref="ArgumentException">The key is null, or the secret is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime or length is out of range.</exception>
    public static AdminToken Create(
        string key,
        string secret,
        DateTimeOffset at,
        int lifetimeSeconds = DefaultLifetimeSeconds,
        bool previous = false,
        int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetimeSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);

        var seconds = at.ToUnixTimeSeconds();
        if (previous)
        {
            seconds -= lifetimeSeconds;
        }

        // Python's int(ts / L) truncates toward zero, as C# integer division does.
        var window = (seconds / lifetimeSeconds).ToString(CultureInfo.InvariantCulture);
        var message = new StringBuilder(secret).Append(':').Append(key);
        foreach (var digit in window)
        {
            message.Append(':').Append(digit);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(message.ToString()));
        return new AdminToken(Convert.ToHexStringLower(hash)[..length]);
    }

    /// <summary>
    /// True when <paramref name="token"/> is the admin token of the window containing <paramref name="now"/> or of
    /// the window before it. Compares in constant time; a missing token is never valid.
    /// </summary>
    /// <param name="token">The token to check, or <see langword="null"/>.</param>
    /// <param name="key">The admin key.</param>
    /// <param name="secret">The admin secret.</param>
    /// <param name="now">The time of the check.</param>
    /// <param name="lifetimeSeconds">The window length the token was issued with.</param>
    public static bool IsValid(
        AdminToken? token,
        string key,
        string secret,
        DateTimeOffset now,
        int lifetimeSeconds = DefaultLifetimeSeconds)
    {
        var current = Create(key, secret, now, lifetimeSeconds);
        var previous = Create(key, secret, now, lifetimeSeconds, previous: true);
        if (token is null)
        {
            return false;
        }

        // Both comparisons always run, so the time taken does not tell which window matched.
        var matchesCurrent = TokenComparer.FixedTimeEquals(token.Reveal(), current.Reveal());
        var matchesPrevious = TokenComparer.FixedTimeEquals(token.Reveal(), previous.Reveal());
        return matchesCurrent | matchesPrevious;
    }
}
