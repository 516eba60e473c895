using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores;

/// <summary>Behaviour shared by every store implementation.</summary>
public sealed record JobStoreOptions
{
    /// <summary>Whether wrong update or callback tokens are refused (the default) or accepted and logged.</summary>
    public TokenPolicy TokenPolicy { get; init; } = TokenPolicy.Enforce;

    /// <summary>
    /// Checks admin tokens for admin events (<c>reset</c>, <c>ready</c>) and deletion. Without it no admin token is
    /// valid, so those operations always raise <see cref="Errors.AdminTokenRequiredException"/>.
    /// </summary>
    public AdminTokenAuthority? AdminTokens { get; init; }

    /// <summary>The value written to <c>_properties.source</c> of new jobs (the original's CATALOG_RECORDS_SOURCE).</summary>
    public string RecordsSource { get; init; } = "testing";

    /// <summary>
    /// How long reaching the store may take (MongoDB: server selection and connecting; the embedded store: waiting for
    /// its file's lock) before the operation fails with <see cref="Errors.PipelineStoreUnavailableException"/>.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The default <see cref="Timeout"/>: 10 seconds (the config key <c>pipelinesdk.store_timeout</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The clock for every date the store writes (UTC, truncated to whole seconds).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The options the configuration gives: token policy (<c>pipelines.token_policy</c>), admin tokens
    /// (<c>pipelines.admin_token_key</c>/<c>_secret</c>/<c>_lifetime</c>), timeout (<c>pipelinesdk.store_timeout</c>)
    /// and clock.
    /// </summary>
    /// <param name="pipelines">The <c>pipelines</c> section; null uses the defaults.</param>
    /// <param name="sdk">The <c>pipelinesdk</c> section; null uses the defaults.</param>
    /// <param name="clock">The store's clock (and the admin tokens'); the system clock when null.</param>
    /// <exception cref="PipelineJobValidationException">Only one of admin key and secret is set, or the lifetime is too long.</exception>
    public static JobStoreOptions FromSettings(PipelinesSettings? pipelines, PipelineSdkSettings? sdk, TimeProvider? clock = null)
    {
        pipelines ??= new PipelinesSettings();
        sdk ??= new PipelineSdkSettings();
        clock ??= TimeProvider.System;
        return new JobStoreOptions
        {
            TokenPolicy = pipelines.TokenPolicy == PipelinesSettingsTokenPolicy.Permissive ? TokenPolicy.Permissive : TokenPolicy.Enforce,
            AdminTokens = ReadAdminTokens(pipelines, clock),
            Timeout = TimeSpan.FromSeconds(sdk.StoreTimeout),
            Clock = clock,
        };
    }

    /// <summary>The deployment's admin key and secret; none configured means every admin operation is refused.</summary>
    private static AdminTokenAuthority? ReadAdminTokens(PipelinesSettings pipelines, TimeProvider clock)
    {
        const string keyKey = "pipelines:admin_token_key", secretKey = "pipelines:admin_token_secret";
        var (key, secret) = (pipelines.AdminTokenKey, pipelines.AdminTokenSecret);
        if (key is null && secret is null)
        {
            return null;
        }

        if (key is null || secret is null)
        {
            throw new PipelineJobValidationException(
                $"{(key is null ? keyKey : secretKey)} is missing: set both {keyKey} and {secretKey}, or neither (admin operations are then refused).");
        }

        if (pipelines.AdminTokenLifetime > int.MaxValue)
        {
            throw new PipelineJobValidationException($"pipelines:admin_token_lifetime must be at most {int.MaxValue} seconds.");
        }

        return new AdminTokenAuthority(
            new AdminTokenOptions { Key = key, Secret = secret, LifetimeSeconds = (int)pipelines.AdminTokenLifetime }, clock);
    }
}
