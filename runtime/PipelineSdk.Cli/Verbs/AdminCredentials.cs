using System.Globalization;
using PipelineSdk.Cli.Arguments;
using PipelineSdk.Errors;
using PipelineSdk.Tokens;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The admin key, secret and token of the operator verbs, from the environment only (never the command line):
/// <c>PIPELINESDK_ADMIN_TOKEN_KEY</c>, <c>PIPELINESDK_ADMIN_TOKEN_SECRET</c>, <c>PIPELINESDK_ADMIN_TOKEN_LIFETIME</c>
/// configure the store's check; <c>PIPELINESDK_ADMIN_TOKEN</c> gives a token to send, else one is computed.
/// </summary>
internal static class AdminCredentials
{
    public const string KeyVariable = "PIPELINESDK_ADMIN_TOKEN_KEY";
    public const string LifetimeVariable = "PIPELINESDK_ADMIN_TOKEN_LIFETIME";
    public const string TokenVariable = "PIPELINESDK_ADMIN_TOKEN";

    /// <summary>The authority that checks admin tokens, or null when key or secret is not configured.</summary>
    public static AdminTokenAuthority? Authority(Func<string, string?> environment, TimeProvider clock)
    {
        var key = environment(KeyVariable);
        var secret = environment(ComputeVerbs.AdminSecretVariable);
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var lifetime = environment(LifetimeVariable) is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds
                : throw new UsageException($"{LifetimeVariable} must be a whole number of seconds")
            : AdminTokens.DefaultLifetimeSeconds;
        return new AdminTokenAuthority(new AdminTokenOptions { Key = key, Secret = secret, LifetimeSeconds = lifetime }, clock);
    }

    /// <summary>
    /// The admin token to send: <c>PIPELINESDK_ADMIN_TOKEN</c>, else the current one of the configured key and secret.
    /// Without either the operation is refused (exit 1, as for a wrong token), not a usage error.
    /// </summary>
    public static AdminToken Token(Func<string, string?> environment, TimeProvider clock) =>
        environment(TokenVariable) is { Length: > 0 } given ? new AdminToken(given)
        : Authority(environment, clock)?.Issue()
        ?? throw new InvalidTokenException($"an admin token is needed: set {TokenVariable}, or {KeyVariable} and {ComputeVerbs.AdminSecretVariable}");
}
