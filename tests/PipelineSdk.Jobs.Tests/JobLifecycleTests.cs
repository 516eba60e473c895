using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Jobs;
using PipelineSdk.Tokens;

namespace PipelineSdk.Jobs.Tests;

/// <summary>
/// The lifecycle cases of the original's test_303 and this SDK's token, cancel and callback URL rules, run against each store by the
/// derived classes.
/// </summary>
public abstract partial class JobLifecycleTests : JobApiTestBase
{
    [Fact]
    public async Task Setup_minimal_gives_the_spec_uuid_and_archive_path()
    {
        var store = await NewStoreAsync();
        var job = await TacobotJobAsync(store);

        // The path is known before setup and hashes the init data ({}), not the setup data.
        Assert.Equal(Vectors.MinimalArchivePath, job.ArchivePath);
        Assert.Null(job.Uuid);
        await job.SetupAsync(new JsonObject { ["example_data"] = "datadata" });

        Assert.Equal(Vectors.MinimalJobUuid, job.Uuid);
        Assert.Equal(Vectors.MinimalArchivePath, job.ArchivePath);
        Assert.Equal("agave://data-sd2e-community" + Vectors.MinimalArchivePath, job.ArchiveUri);
        Assert.Equal(JobState.Created, job.State);
        Assert.Equal([Vectors.Experiment], job.ChildOf);
        Assert.Equal([Vectors.Tacobot], job.GeneratedBy);
        var stored = await store.GetAsync(Vectors.MinimalJobUuid);
        Assert.Equal("{\"example_data\":\"datadata\"}", stored.Data.ToJsonString());
        Assert.Equal(stored.UpdateToken, job.Token);
    }

    [Fact]
    public async Task Callback_is_the_managers_messages_url_with_the_callback_token()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);

        var stored = await store.GetAsync(job.Uuid!);
        // The callback URL form without '//', values percent-encoded, the non-rotating callback token.
        var expected = "https://api.sd2e.org/actors/v2/jobs-manager.prod/messages?x-nonce=" + ManagerNonce
            + "&token=" + stored.CallbackToken.Reveal() + "&uuid=" + Vectors.MinimalJobUuid + "&session=" + job.Session;
        Assert.Equal(expected, job.Callback);
        Assert.StartsWith("https://", job.Callback);
        Assert.EndsWith("&status=${JOB_STATUS}", job.CallbackWithStatus(Urls.CallbackUrls.AgaveJobStatusMacro));

        // The callback token does not rotate, so the URL stays valid after events.
        await job.HandleAsync(JobEvent.Run);
        Assert.Equal(expected, job.Callback);
    }

    [Fact]
    public async Task Events_follow_test_303_and_the_job_always_holds_the_newest_token()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        var tokens = new List<UpdateToken> { job.Token! };

        async Task Expect(JobEvent jobEvent, JobState state)
        {
            var snapshot = await job.HandleAsync(jobEvent, new JsonObject { ["note"] = jobEvent.ToWireName() });
            Assert.Equal(state, snapshot.State);
            Assert.Equal(jobEvent, snapshot.LastEvent);
            Assert.Equal(state, job.State);
            Assert.DoesNotContain(job.Token!, tokens);
            tokens.Add(job.Token!);
            Assert.Equal((await store.GetAsync(job.Uuid!)).UpdateToken, job.Token);
        }

        await Expect(JobEvent.Update, JobState.Created);
        await Expect(JobEvent.Run, JobState.Running);
        await Expect(JobEvent.Run, JobState.Running);
        await Expect(JobEvent.Update, JobState.Running);
        await Expect(JobEvent.Resource, JobState.Running);
        await Expect(JobEvent.Finish, JobState.Finished);

        var instance = await ManagedPipelineJobInstance.OpenAsync(store, job.Uuid!, Services());
        Assert.Equal(JobState.Finished, instance.State);
        Assert.Equal(job.ArchivePath, instance.ArchivePath);
        Assert.Empty(await instance.IndexArchiveAsync());
        Assert.Equal(JobState.Indexing, instance.State);
        Assert.Equal(JobState.Finished, (await instance.HandleAsync(JobEvent.Indexed)).State);

        var history = (await store.GetAsync(job.Uuid!)).History.Select(h => h.Name.ToWireName());
        Assert.Equal(["create", "update", "run", "run", "update", "resource", "finish", "index", "indexed"], history);
        // Every token went to the sink, newest last.
        Assert.Equal(tokens, Sink.Tokens.Where(t => t.Uuid == job.Uuid).Select(t => t.Token).Take(tokens.Count));
    }

    [Fact]
    public async Task A_wrong_transition_is_refused_and_nothing_is_written()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.HandleAsync(JobEvent.Run);
        await job.HandleAsync(JobEvent.Finish);

        var refused = await Assert.ThrowsAsync<InvalidTransitionException>(() => job.HandleAsync(JobEvent.Run));

        Assert.Equal(JobState.Finished, refused.State);
        Assert.Equal(JobEvent.Run, refused.Event);
        Assert.Equal(3, (await store.GetAsync(job.Uuid!)).History.Count);
    }

    [Fact]
    public async Task Fail_before_the_first_event_deletes_the_record_and_setup_makes_the_same_uuid_again()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);

        var last = await job.HandleAsync(JobEvent.Fail);

        Assert.True(job.IsDeleted);
        Assert.Equal(JobState.Created, last.State);
        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(Vectors.MinimalJobUuid));

        await job.SetupAsync();
        Assert.Equal(Vectors.MinimalJobUuid, job.Uuid);
        Assert.False(job.IsDeleted);
        Assert.Single((await store.GetAsync(Vectors.MinimalJobUuid)).History);
    }

    [Fact]
    public async Task Fail_after_an_event_fails_the_job()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.HandleAsync(JobEvent.Run);

        Assert.Equal(JobState.Failed, (await job.HandleAsync(JobEvent.Fail)).State);
        Assert.False(job.IsDeleted);
    }

    [Fact]
    public async Task Cancel_in_created_deletes_with_the_jobs_own_token()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);

        await job.CancelAsync();

        Assert.True(job.IsDeleted);
        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(Vectors.MinimalJobUuid));
    }

    [Fact]
    public async Task Cancel_after_an_event_is_refused_with_send_fail_instead()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.HandleAsync(JobEvent.Update);

        var refused = await Assert.ThrowsAsync<PipelineJobException>(() => job.CancelAsync());

        Assert.Contains("Send a \"fail\" event instead", refused.Message);
        Assert.Equal(JobState.Created, (await store.GetAsync(job.Uuid!)).State);
    }

    [Fact]
    public async Task Cancel_when_another_process_has_sent_an_event_is_refused()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        var other = await ManagedPipelineJobInstance.OpenAsync(store, job.Uuid!);
        await other.HandleAsync(JobEvent.Run);

        await Assert.ThrowsAsync<PipelineJobException>(() => job.CancelAsync());
        Assert.Equal(JobState.Running, (await store.GetAsync(job.Uuid!)).State);
    }

    [Fact]
    public async Task Setup_of_an_existing_job_refreshes_state_and_token_from_the_store()
    {
        var store = await NewStoreAsync();
        var first = await MinimalJobAsync(store);
        await first.HandleAsync(JobEvent.Run);

        var second = await MinimalJobAsync(store);

        Assert.Equal(first.Uuid, second.Uuid);
        Assert.Equal(JobState.Running, second.State);
        Assert.Equal(first.Token, second.Token);
        // Not cancelable: fail now fails instead of deleting.
        Assert.Equal(JobState.Failed, (await second.HandleAsync(JobEvent.Fail)).State);
    }

    [Fact]
    public async Task Reset_needs_an_admin_token()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.HandleAsync(JobEvent.Run);
        var wrong = AdminTokens.Create("other-key", Vectors.AdminSecret, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => job.HandleAsync(JobEvent.Reset));
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => job.HandleAsync(JobEvent.Reset, null, wrong));
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => job.ResetToCreatedAsync(wrong, new ResetOptions { ClearArchivePath = false }));

        Assert.Equal(JobState.Running, (await store.GetAsync(job.Uuid!)).State);
    }

    [Fact]
    public async Task Reset_with_an_admin_token_returns_the_job_to_created()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.HandleAsync(JobEvent.Run);
        await job.HandleAsync(JobEvent.Finish);

        var snapshot = await job.ResetToCreatedAsync(Admins.Issue(), new ResetOptions { ClearArchivePath = false });

        Assert.Equal(JobState.Created, snapshot.State);
        Assert.Equal(JobEvent.Ready, snapshot.LastEvent);
        Assert.Equal(["reset", "ready"], snapshot.History.TakeLast(2).Select(h => h.Name.ToWireName()));
        // The job keeps working with its newest token.
        Assert.Equal(JobState.Running, (await job.HandleAsync(JobEvent.Run)).State);
    }

    [Fact]
    public async Task Reset_that_must_clear_the_archive_without_an_agave_client_writes_nothing()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);

        var refused = await Assert.ThrowsAsync<PipelineJobException>(() => job.ResetToCreatedAsync(Admins.Issue()));

        Assert.Contains("no Agave files client", refused.Message);
        Assert.Single((await store.GetAsync(job.Uuid!)).History);
    }

    [Fact]
    public async Task Instance_admin_events_are_gated_too()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        var instance = await ManagedPipelineJobInstance.OpenAsync(store, job.Uuid!);

        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => instance.HandleAsync("reset"));
        Assert.Equal(JobState.Reset, (await instance.HandleAsync("RESET", null, Admins.Issue())).State);
        Assert.Equal(JobState.Created, (await instance.HandleAsync(JobEvent.Ready, null, Admins.Issue())).State);
    }

    [Fact]
    public async Task Delete_needs_an_admin_token()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        await job.HandleAsync(JobEvent.Run);

        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => job.DeleteAsync(AdminTokens.Create("k", "s", DateTimeOffset.UtcNow)));
        Assert.Equal(JobState.Running, (await store.GetAsync(job.Uuid!)).State);

        await job.DeleteAsync(Admins.Issue());
        Assert.True(job.IsDeleted);
        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(Vectors.MinimalJobUuid));
        await Assert.ThrowsAsync<UnknownJobException>(() => job.HandleAsync(JobEvent.Update));
    }

    [Fact]
    public async Task A_stale_handle_is_refused_after_the_token_window()
    {
        var store = await NewStoreAsync();
        var job = await MinimalJobAsync(store);
        var stale = await ManagedPipelineJobInstance.OpenAsync(store, job.Uuid!);
        for (var i = 0; i < 17; i++)
        {
            await job.HandleAsync(JobEvent.Update);
        }

        await Assert.ThrowsAsync<InvalidTokenException>(() => stale.HandleAsync(JobEvent.Update));
        // A refresh picks up the newest token.
        await stale.RefreshAsync();
        Assert.Equal(JobState.Created, (await stale.HandleAsync(JobEvent.Update)).State);
    }

    [Fact]
    public async Task Events_before_setup_and_create_and_unknown_names_are_refused()
    {
        var store = await NewStoreAsync();
        var job = await TacobotJobAsync(store);

        var early = await Assert.ThrowsAsync<PipelineJobException>(() => job.HandleAsync(JobEvent.Run));
        Assert.Contains("SetupAsync", early.Message);
        await job.SetupAsync();
        await Assert.ThrowsAsync<PipelineJobValidationException>(() => job.HandleAsync(JobEvent.Create));
        var unknown = await Assert.ThrowsAsync<UnknownEventException>(() => job.HandleAsync("updated"));
        Assert.Equal("updated", unknown.Name);
        await Assert.ThrowsAsync<UnknownJobException>(() => ManagedPipelineJobInstance.OpenAsync(store, "107b93f3-1eae-5e79-8a18-0a480f8aa3a5"));
    }
}
