using PipelineSdk.Cli.Arguments;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Cli.Verbs;

/// <summary>
/// The admin token of <c>reset</c>, <c>ready</c> and <c>delete</c>. The store checks it against the deployment's
/// configured key and secret (<c>pipelines.admin_token_key</c>/<c>_secret</c>, or their <c>_REACTOR_PIPELINES_*</c>
/// overrides), never against anything the caller chooses: <c>--admin-token TOKEN</c> presents a token, else the
/// current one of the configured key and secret is sent.
/// </summary>
internal static class AdminCredentials
{
    /// <summary>The option that presents an admin token.</summary>
    public static readonly OptionSpec Option =
        new("admin_token", OptionKind.Text, "An admin token (else the current one of the configured pipelines.admin_token_key and _secret)") { ValueName = "TOKEN" };

    /// <summary>The token to send.</summary>
    /// <exception cref="InvalidTokenException">
    /// No token is given and the configuration has no admin key and secret: a refusal (exit 1), as for a wrong token.
    /// </exception>
    public static AdminToken Token(VerbInput input, ReactorSettings settings, TimeProvider clock) =>
        input.OptionalText(Option.Key) is { Length: > 0 } given ? new AdminToken(given)
        : JobStoreOptions.FromSettings(settings.Pipelines, settings.Pipelinesdk, clock).AdminTokens?.Issue()
        ?? throw new InvalidTokenException(
            $"an admin token is needed: give {input.NameOf(Option.Key)}, or configure pipelines.admin_token_key and pipelines.admin_token_secret (_REACTOR_PIPELINES_ADMIN_TOKEN_KEY/_SECRET)");
}
