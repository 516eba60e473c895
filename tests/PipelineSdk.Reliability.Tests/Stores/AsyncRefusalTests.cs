using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Tokens;

namespace PipelineSdk.Reliability.Tests.Stores;

/// <summary>
/// Every refusal of an async store method is reported through its task: the call returns a task (so a caller that
/// starts several calls before awaiting them is not cut short), and awaiting the task throws the precise error.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class AsyncRefusalTests(CongoServerFixture server) : SecretCheckedTest
{
    private readonly TestStores _stores = new(server);

    public static TheoryData<StoreKind, string> Refusals() => StoreTheory.OnEveryStore(
        "admin event without token", "wrong update token", "no token text", "delete without admin", "null job", "malformed pipeline uuid", "cancel without token", "null query");

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_is_thrown_at_await_not_at_the_call(StoreKind kind, string refusal)
    {
        var store = await _stores.OpenAsync(kind);
        var job = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["refusal"] = refusal })));
        var wrong = new UpdateToken(new string('0', job.UpdateToken.Reveal().Length));
        var cancellable = (ICancellableJobStore)store;

        Task call;
        Type expected;
        switch (refusal)
        {
            case "admin event without token":
                (call, expected) = (store.ApplyAsync(job.Uuid, JobEvent.Reset, null, null), typeof(AdminTokenRequiredException));
                break;
            case "wrong update token":
                (call, expected) = (store.ApplyAsync(job.Uuid, JobEvent.Run, null, wrong), typeof(InvalidTokenException));
                break;
            case "no token text":
                (call, expected) = (store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Run, null, null), typeof(InvalidTokenException));
                break;
            case "delete without admin":
                (call, expected) = (store.DeleteAsync(job.Uuid, null, JobDeletion.Hard), typeof(AdminTokenRequiredException));
                break;
            case "null job":
                (call, expected) = (store.CreateAsync(null!), typeof(ArgumentNullException));
                break;
            case "malformed pipeline uuid":
                (call, expected) = (store.RegisterPipelineAsync("not-a-uuid", null), typeof(PipelineJobValidationException));
                break;
            case "cancel without token":
                (call, expected) = (cancellable.CancelAsync(job.Uuid, null!), typeof(ArgumentNullException));
                break;
            default:
                (call, expected) = (store.QueryAsync(null!), typeof(ArgumentNullException));
                break;
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => call);
        SuiteSecrets.Observe(error);
        Assert.IsType(expected, error);
        var after = await store.GetAsync(job.Uuid);
        Assert.Equal(job.Revision, after.Revision);
    }
}
