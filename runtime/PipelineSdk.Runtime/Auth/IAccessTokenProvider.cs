namespace PipelineSdk.Auth;

/// <summary>Where <see cref="OAuthRefreshHandler"/> gets the bearer token, and how it gets a new one.</summary>
public interface IAccessTokenProvider
{
    /// <summary>Whether <see cref="RefreshAsync"/> can obtain a new token (false for a deployed actor's fixed token).</summary>
    bool CanRefresh { get; }

    /// <summary>The current token.</summary>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces <paramref name="rejected"/> with a new token. Single-flight: when several callers report the same
    /// rejected token at once, one refresh happens and they all receive its result; a caller whose token was already
    /// replaced gets the current token without a new refresh.
    /// </summary>
    /// <exception cref="TokenExpiredException">The provider cannot refresh, or the token endpoint refused.</exception>
    Task<AccessToken> RefreshAsync(AccessToken rejected, CancellationToken cancellationToken = default);
}
