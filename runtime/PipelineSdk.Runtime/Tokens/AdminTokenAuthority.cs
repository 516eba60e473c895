using PipelineSdk.Errors;

namespace PipelineSdk.Tokens;

/// <summary>
/// Issues and checks administrative tokens with the configured key, secret and lifetime and the current time.
/// Every entry point that performs an admin operation (<c>reset</c>, <c>ready</c>, delete) asks it to
/// <see cref="Demand"/> a token.
/// </summary>
public sealed class AdminTokenAuthority
{
    private readonly string _key;
    private readonly string _secret;
    private readonly int _lifetimeSeconds;
    private readonly TimeProvider _time;

    /// <summary>Creates the authority after validating <paramref name="options"/>.</summary>
    /// <param name="options">The key, secret and lifetime; copied, so later changes have no effect.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <exception cref="PipelineJobValidationException">A setting is missing or out of range (named, never its value).</exception>
    public AdminTokenAuthority(AdminTokenOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _key = options.Key!;
        _secret = options.Secret!;
        _lifetimeSeconds = options.LifetimeSeconds;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The admin token of the current window.</summary>
    public AdminToken Issue() => AdminTokens.Create(_key, _secret, _time.GetUtcNow(), _lifetimeSeconds);

    /// <summary>True when <paramref name="token"/> is the token of the current or the previous window.</summary>
    public bool IsValid(AdminToken? token) => AdminTokens.IsValid(token, _key, _secret, _time.GetUtcNow(), _lifetimeSeconds);

    /// <summary>Refuses <paramref name="operation"/> unless <paramref name="token"/> is valid.</summary>
    /// <param name="token">The admin token given by the caller, or <see langword="null"/>.</param>
    /// <param name="operation">What is being attempted, for the error message (for example <c>reset</c>).</param>
    /// <exception cref="AdminTokenRequiredException">The token is missing, wrong or outside its windows.</exception>
    public void Demand(AdminToken? token, string operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        if (!IsValid(token))
        {
            throw new AdminTokenRequiredException(operation);
        }
    }
}
