using PipelineSdk.Errors;

namespace PipelineSdk.Auth;

/// <summary>
/// A fixed token that cannot be refreshed: a deployed actor's <c>_abaco_access_token</c> (Abaco refreshes the
/// owner's token before each execution, but the execution itself cannot). A rejection surfaces as
/// <see cref="TokenExpiredException"/>.
/// </summary>
public sealed class StaticTokenProvider : IAccessTokenProvider
{
    /// <summary>The environment variable Abaco puts the actor owner's token in.</summary>
    public const string AbacoTokenVariable = "_abaco_access_token";

    private readonly AccessToken _token;
    private readonly string _source;

    /// <summary>Uses <paramref name="token"/>; <paramref name="source"/> says where it came from, for error messages.</summary>
    public StaticTokenProvider(AccessToken token, string source)
    {
        _token = token ?? throw new ArgumentNullException(nameof(token));
        _source = source;
    }

    /// <summary>Reads <c>_abaco_access_token</c> from <paramref name="environment"/> (default: the process environment).</summary>
    /// <exception cref="PipelineJobValidationException">The variable is missing or empty (an actor registered with <c>token: false</c>).</exception>
    public static StaticTokenProvider FromAbacoEnvironment(IReadOnlyDictionary<string, string>? environment = null)
    {
        var value = environment is null
            ? Environment.GetEnvironmentVariable(AbacoTokenVariable)
            : environment.GetValueOrDefault(AbacoTokenVariable);
        return string.IsNullOrEmpty(value)
            ? throw new PipelineJobValidationException(
                $"{AbacoTokenVariable}: not set or empty; the actor was registered without a token or this is not an Abaco execution.")
            : new StaticTokenProvider(new AccessToken(value), AbacoTokenVariable);
    }

    /// <inheritdoc />
    public bool CanRefresh => false;

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    public Task<AccessToken> RefreshAsync(AccessToken rejected, CancellationToken cancellationToken = default) =>
        throw new TokenExpiredException(
            $"The access token from {_source} was rejected and cannot be refreshed from inside this process.",
            System.Net.HttpStatusCode.Unauthorized,
            new Dictionary<string, IReadOnlyList<string>>(),
            string.Empty);

    /// <summary>The token's source, e.g. <c>_abaco_access_token</c>.</summary>
    public override string ToString() => $"static token from {_source}";
}
