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
}
