using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Internal;

/// <summary>
/// The token and state rules of an event, shared by both stores: which condition a token puts
/// into the conditional update, and, when a job is at hand, whether an event may be applied and why not.
/// </summary>
internal sealed class EventGuard(JobStoreOptions options, ILogger logger)
{
    private readonly MatchedTokens _matched = new();

    /// <summary>Checks an admin token for an operation (deletion), whatever the token policy.</summary>
    public void DemandAdmin(AdminToken? token, string operation)
    {
        if (options.AdminTokens is not { } authority || !authority.IsValid(token))
        {
            throw new AdminTokenRequiredException(operation);
        }
    }

    /// <summary>
    /// The condition a typed token gives without reading the job: a store-issued token names its salt; any other
    /// token needs a <see cref="TokenConditionKind.Lookup"/>.
    /// </summary>
    public TokenCondition Resolve(string jobUuid, JobEvent jobEvent, SecretToken? token)
    {
        if (IsValidAdmin(token as AdminToken))
        {
            return new(TokenConditionKind.Admin);
        }

        var access = JobStateMachine.AccessOf(jobEvent);
        if (access == EventAccess.Admin)
        {
            throw new AdminTokenRequiredException(jobEvent.ToWireName());
        }

        return token switch
        {
            null => Refuse(jobUuid, jobEvent, "no token was given"),
            AdminToken => Refuse(jobUuid, jobEvent, "the admin token is not valid"),
            CallbackToken when access != EventAccess.Client => Refuse(jobUuid, jobEvent, "a callback token is valid for client events only"),
            CallbackToken { IssuedFromSalt: { } salt } => new(TokenConditionKind.CallbackSalt, salt),
            UpdateToken { IssuedFromSalt: { } salt } => new(TokenConditionKind.UpdateSalt, salt),
            _ => new(TokenConditionKind.Lookup, token.Reveal()),
        };
    }

    /// <summary>The condition of token text, before the job is read (admin tokens need no read).</summary>
    public TokenCondition ResolveText(string jobUuid, JobEvent jobEvent, string? tokenText)
    {
        if (string.IsNullOrEmpty(tokenText))
        {
            return Resolve(jobUuid, jobEvent, null);
        }

        if (IsValidAdmin(new AdminToken(tokenText)))
        {
            return new(TokenConditionKind.Admin);
        }

        if (JobStateMachine.AccessOf(jobEvent) == EventAccess.Admin)
        {
            throw new AdminTokenRequiredException(jobEvent.ToWireName());
        }

        return _matched.Recall(jobUuid, tokenText) is { } matched
            ? Accept(jobUuid, jobEvent, matched)
            : new(TokenConditionKind.Lookup, tokenText);
    }

    /// <summary>
    /// Decides an event against the stored job: throws the precise reason it may not be applied
    /// (<see cref="UnknownJobException"/>, <see cref="InvalidTokenException"/>, <see cref="InvalidTransitionException"/>),
    /// or returns the token condition to apply it with (a Permissive store relaxes a failed token check to none).
    /// </summary>
    public TokenCondition Check(string jobUuid, JobGuardState? job, JobEventPlan plan, TokenCondition condition)
    {
        if (job is null)
        {
            throw new UnknownJobException(jobUuid);
        }

        if (!job.Visible)
        {
            throw new UnknownJobException(jobUuid, deleted: true);
        }

        if (condition.Kind == TokenConditionKind.Lookup)
        {
            condition = Match(jobUuid, job, plan.Event, condition.Secret!);
        }

        if (!Satisfies(job, condition))
        {
            condition = Refuse(jobUuid, plan.Event, "it is stale (older than the job's last 16 events) or belongs to another job");
        }

        if (!plan.Sources.Contains(job.State))
        {
            throw new InvalidTransitionException(job.State, plan.Event);
        }

        return condition;
    }

    /// <summary>
    /// Decides a cancellation: null when the job has moved past its <c>create</c> event, otherwise the
    /// condition the conditional delete must hold. Throws when the job is missing or, under Enforce, when the token is
    /// not the job's update token.
    /// </summary>
    public TokenCondition? CheckCancel(string jobUuid, JobGuardState? job, long revision, UpdateToken token)
    {
        if (job is null)
        {
            throw new UnknownJobException(jobUuid);
        }

        if (job.State != JobState.Created || revision != 0)
        {
            return null;
        }

        foreach (var salt in job.AcceptedSalts)
        {
            var matches = token.IssuedFromSalt is { } issued
                ? string.Equals(issued, salt, StringComparison.Ordinal)
                : TokenComparer.FixedTimeEquals(UpdateTokens.DeriveText(salt, jobUuid, job.Admin), token.Reveal());
            if (matches)
            {
                return new TokenCondition(TokenConditionKind.UpdateSalt, salt);
            }
        }

        const string reason = "it is not the job's update token";
        if (options.TokenPolicy == TokenPolicy.Enforce)
        {
            throw new InvalidTokenException($"The token given to cancel job {jobUuid} is not valid: {reason}. Nothing was deleted.");
        }

        StoreLog.AcceptedInvalidToken(logger, "cancel", jobUuid, reason);
        return new TokenCondition(TokenConditionKind.None);
    }

    /// <summary>True when the stored job meets a (resolved) token condition.</summary>
    public static bool Satisfies(JobGuardState job, TokenCondition condition) => condition.Kind switch
    {
        TokenConditionKind.None or TokenConditionKind.Admin => true,
        TokenConditionKind.UpdateSalt => job.AcceptedSalts.Contains(condition.Secret, StringComparer.Ordinal),
        TokenConditionKind.CallbackSalt => string.Equals(job.CallbackSalt, condition.Secret, StringComparison.Ordinal),
        _ => false,
    };

    private TokenCondition Match(string jobUuid, JobGuardState job, JobEvent jobEvent, string tokenText)
    {
        // The callback token first: it is one derivation, where the update-token window is up to seventeen, and the
        // callback URL is what sends most events.
        if (job.CallbackSalt is { } callbackSalt
            && TokenComparer.FixedTimeEquals(UpdateTokens.DeriveText(callbackSalt, jobUuid, job.Admin), tokenText))
        {
            return Matched(new(TokenConditionKind.CallbackSalt, callbackSalt));
        }

        foreach (var salt in job.AcceptedSalts)
        {
            if (TokenComparer.FixedTimeEquals(UpdateTokens.DeriveText(salt, jobUuid, job.Admin), tokenText))
            {
                return Matched(new(TokenConditionKind.UpdateSalt, salt));
            }
        }

        return Refuse(jobUuid, jobEvent, "it is stale (older than the job's last 16 events) or belongs to another job");

        TokenCondition Matched(TokenCondition condition)
        {
            _matched.Remember(jobUuid, tokenText, condition);
            return Accept(jobUuid, jobEvent, condition);
        }
    }

    /// <summary>A token matched to a salt, for this event: a callback token opens client events only.</summary>
    private TokenCondition Accept(string jobUuid, JobEvent jobEvent, TokenCondition matched) =>
        matched.Kind == TokenConditionKind.CallbackSalt && JobStateMachine.AccessOf(jobEvent) != EventAccess.Client
            ? Refuse(jobUuid, jobEvent, "a callback token is valid for client events only")
            : matched;

    private bool IsValidAdmin(AdminToken? token) => token is not null && options.AdminTokens?.IsValid(token) == true;

    private TokenCondition Refuse(string jobUuid, JobEvent jobEvent, string reason)
    {
        if (options.TokenPolicy == TokenPolicy.Enforce)
        {
            throw new InvalidTokenException($"The token given for event '{jobEvent.ToWireName()}' on job {jobUuid} is not valid: {reason}. Nothing was written.");
        }

        StoreLog.AcceptedInvalidToken(logger, jobEvent.ToWireName(), jobUuid, reason);
        return new(TokenConditionKind.None);
    }
}
