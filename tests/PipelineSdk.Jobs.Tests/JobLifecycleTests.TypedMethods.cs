using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Jobs.Tests.Support;

namespace PipelineSdk.Jobs.Tests;

/// <summary>
/// The typed event methods generated from the canonical event schema, on the real job type and both stores. Expected
/// states come from the transition table of the Python original.
/// </summary>
public abstract partial class JobLifecycleTests
{
    [Fact]
    public async Task Typed_methods_walk_the_whole_state_machine()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);

        Assert.Equal(JobState.Created, (await job.UpdateAsync(new JsonObject { ["percent"] = 0 })).State);
        Assert.Equal(JobState.Running, (await job.RunAsync()).State);
        Assert.Equal(JobState.Running, (await job.ResourceAsync(new JsonObject { ["queue"] = "normal" })).State);
        Assert.Equal(JobState.Finished, (await job.FinishAsync()).State);
        Assert.Equal(JobState.Indexing, (await job.IndexAsync()).State);
        Assert.Equal(JobState.Finished, (await job.IndexedAsync()).State);
        Assert.Equal(JobState.Validating, (await job.ValidateAsync()).State);
        Assert.Equal(JobState.Validated, (await job.ValidatedAsync()).State);
        Assert.Equal(JobState.Finalized, (await job.FinalizeAsync()).State);
        var retired = await job.RetireAsync();

        Assert.Equal(JobState.Retired, retired.State);
        Assert.Equal(
            ["create", "update", "run", "resource", "finish", "index", "indexed", "validate", "validated", "finalize", "retire"],
            retired.History.Select(h => h.Name.ToWireName()));
        var refused = await Assert.ThrowsAsync<InvalidTransitionException>(() => job.UpdateAsync(new JsonObject { ["percent"] = 40 }));
        Assert.Equal(JobState.Retired, refused.State);
    }

    [Fact]
    public async Task Typed_reject_and_fail_follow_the_table()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.RunAsync();
        await job.FinishAsync();
        await job.ValidateAsync();

        Assert.Equal(JobState.Rejected, (await job.RejectAsync(new JsonObject { ["reason"] = "bad outputs" })).State);
        var refused = await Assert.ThrowsAsync<InvalidTransitionException>(() => job.FailAsync());
        Assert.Equal(JobState.Rejected, refused.State);
        Assert.Equal(JobEvent.Fail, refused.Event);
    }

    [Fact]
    public async Task Typed_admin_methods_need_a_valid_admin_token()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.RunAsync();
        var wrong = Tokens.AdminTokens.Create("another-key", "another-secret", DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => job.ResetAsync(wrong));
        Assert.Equal(JobState.Running, (await store.GetAsync(job.Uuid!)).State);

        Assert.Equal(JobState.Reset, (await job.ResetAsync(Admins.Issue())).State);
        Assert.Equal(JobState.Created, (await job.ReadyAsync(Admins.Issue(), new JsonObject { ["note"] = "again" })).State);
        Assert.Equal(["create", "run", "reset", "ready"], (await store.GetAsync(job.Uuid!)).History.Select(h => h.Name.ToWireName()));
    }

    [Fact]
    public async Task Typed_fail_before_any_event_deletes_the_job()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);

        await job.FailAsync();

        Assert.True(job.IsDeleted);
        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(Vectors.MinimalJobUuid));
    }
}
