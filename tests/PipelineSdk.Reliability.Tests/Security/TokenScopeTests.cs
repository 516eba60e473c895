using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Tokens;

namespace PipelineSdk.Reliability.Tests.Security;

/// <summary>
/// Token scopes, enforced by both stores for typed tokens and for token text (the endpoint's and CLI's path): an
/// update token for every non-admin event, the callback token for client events only (refused for indexer and admin
/// events), an admin token for everything, and a wrong token of the right length for nothing; a refusal writes
/// nothing.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class TokenScopeTests(CongoServerFixture server) : SecretCheckedTest
{
    private readonly TestStores _stores = new(server);

    public static TheoryData<StoreKind, string> Scopes() =>
        StoreTheory.OnEveryStore("update", "callback", "admin", "wrong", "expired-admin", "none");

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Every_event_is_allowed_exactly_by_the_tokens_of_its_scope(StoreKind kind, string tokenKind)
    {
        var store = await _stores.OpenAsync(kind);
        var checkedEvents = 0;
        foreach (var jobEvent in Enum.GetValues<JobEvent>().Where(e => e != JobEvent.Create))
        {
            foreach (var asText in new[] { false, true })
            {
                var job = await DriveToSourceOfAsync(store, jobEvent);
                var access = JobStateMachine.AccessOf(jobEvent);
                var allowed = tokenKind switch
                {
                    "update" => access != EventAccess.Admin,
                    "callback" => access == EventAccess.Client,
                    "admin" => true,
                    _ => false,
                };
                var token = TokenOf(job, tokenKind);
                Func<Task<AppliedJobEvent>> attempt = () => asText
                    ? store.ApplyWithTokenTextAsync(job.Uuid, jobEvent, new JsonObject { ["n"] = 1 }, token?.Reveal())
                    : store.ApplyAsync(job.Uuid, jobEvent, new JsonObject { ["n"] = 1 }, token);

                if (allowed)
                {
                    var applied = TestStores.Seen(await attempt());
                    Assert.Equal(job.Revision + 1, applied.Revision);
                    Assert.Equal(jobEvent, applied.Entry.Name);
                    Assert.Equal(jobEvent, (await store.GetAsync(job.Uuid)).History[^1].Name);
                }
                else
                {
                    var error = await Assert.ThrowsAnyAsync<PipelineJobException>(attempt);
                    SuiteSecrets.Observe(error);
                    Assert.True(
                        error is InvalidTokenException || (error is AdminTokenRequiredException && (access == EventAccess.Admin || tokenKind is "expired-admin")),
                        $"{jobEvent} with a {tokenKind} token: {error.GetType().Name}: {error.Message}");
                    var after = await store.GetAsync(job.Uuid);
                    Assert.Equal(job.Revision, after.Revision);
                    Assert.Equal(job.History.Count, after.History.Count);
                }

                checkedEvents++;
            }
        }

        Assert.Equal(2 * (Enum.GetValues<JobEvent>().Length - 1), checkedEvents);
        await _stores.RegisterStoredSaltsAsync();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stores.Dispose();
        base.Dispose();
    }

    private SecretToken? TokenOf(JobSnapshot job, string tokenKind) => tokenKind switch
    {
        "update" => job.UpdateToken,
        "callback" => job.CallbackToken,
        "admin" => _stores.AdminToken(),
        // Same length as a real token, so only the comparison can refuse it.
        "wrong" => new UpdateToken(new string('0', job.UpdateToken.Reveal().Length)),
        "expired-admin" => AdminTokens.Create("reliability-admin-key", "reliability-admin-secret", DateTimeOffset.UtcNow.AddHours(-3)),
        _ => null,
    };

    /// <summary>A fresh job driven (with update tokens) into a state <paramref name="jobEvent"/> may be applied from.</summary>
    private async Task<JobSnapshot> DriveToSourceOfAsync(IPipelineJobStore store, JobEvent jobEvent)
    {
        var job = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["case"] = Guid.NewGuid().ToString() })));
        foreach (var step in PathTo(JobStateMachine.SourcesOf(jobEvent)))
        {
            var token = JobStateMachine.AccessOf(step) == EventAccess.Admin ? _stores.AdminToken() : (SecretToken)job.UpdateToken;
            job = await TestStores.ApplyAsync(store, job, step, null, token);
        }

        return job;
    }

    /// <summary>A shortest path of events from CREATED into one of <paramref name="targets"/>.</summary>
    private static List<JobEvent> PathTo(IReadOnlyList<JobState> targets)
    {
        var paths = new Dictionary<JobState, List<JobEvent>> { [JobStateMachine.Initial] = [] };
        var queue = new Queue<JobState>([JobStateMachine.Initial]);
        while (queue.TryDequeue(out var state))
        {
            if (targets.Contains(state))
            {
                return paths[state];
            }

            foreach (var next in Enum.GetValues<JobEvent>().Where(e => e != JobEvent.Create && JobStateMachine.CanApply(state, e)))
            {
                var reached = JobStateMachine.Apply(state, next);
                if (paths.TryAdd(reached, [.. paths[state], next]))
                {
                    queue.Enqueue(reached);
                }
            }
        }

        throw new InvalidOperationException($"no state of {string.Join(", ", targets)} is reachable");
    }
}
