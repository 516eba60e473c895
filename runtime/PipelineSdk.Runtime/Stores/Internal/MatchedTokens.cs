using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Internal;

/// <summary>
/// Token texts that matched a job lately, with the salt (and kind) each was derived from. A token is a pure function of
/// its job, salt and kind, so what is remembered never goes stale; whether the job still accepts that salt is decided
/// by the store's checked write as for any token. A callback URL sends the same token over and over: this spares
/// those events the read before the write and the derivations that match the token to its salt.
/// </summary>
/// <remarks>
/// Lookups go by the text through .NET's randomized string hashing; a guess that is no remembered token finds nothing
/// and is matched the slow way, in fixed time. At most 10,000 tokens are kept (a job's next event then matches again).
/// </remarks>
internal sealed class MatchedTokens
{
    private readonly BoundedMemo<(string JobUuid, TokenCondition Condition)> _byText = new(capacity: 10_000);

    /// <summary>Remembers that <paramref name="tokenText"/> is job <paramref name="jobUuid"/>'s token for <paramref name="condition"/>'s salt.</summary>
    public void Remember(string jobUuid, string tokenText, TokenCondition condition) => _byText.Remember(tokenText, (jobUuid, condition));

    /// <summary>The salt condition <paramref name="tokenText"/> was matched to for this job, if it was lately.</summary>
    public TokenCondition? Recall(string jobUuid, string tokenText) =>
        _byText.TryGet(tokenText, out var matched) && string.Equals(matched.JobUuid, jobUuid, StringComparison.Ordinal)
            ? matched.Condition
            : null;
}
