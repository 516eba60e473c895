using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Stores.Tests;

/// <summary>
/// The behaviour every <see cref="IPipelineJobStore"/> must have. Each store's test class derives from this one and
/// says only how to open the store; every test here runs against each store. A new test-class instance (and so a
/// fresh database or file) is made for every test.
/// </summary>
public abstract class JobStoreConformanceTests
{
    /// <summary>The pipeline of the Python original's test vectors.</summary>
    protected const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";

    /// <summary>A measurement uuid of the Python original's test vectors.</summary>
    protected const string Measurement = "1041ab3f-5221-5c79-8781-8838dfb6eef9";

    private const string OtherPipeline = "10650844-1baa-55c5-a481-5e945b19c065";

    /// <summary>The clock of every store a test opens (moved by hand in the query tests).</summary>
    protected MutableClock Clock { get; } = new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 345, TimeSpan.Zero));

    /// <summary>Checks admin tokens (key and secret of the Python original's test vectors).</summary>
    protected AdminTokenAuthority Admins { get; }

    /// <summary>Creates the shared test state.</summary>
    protected JobStoreConformanceTests()
    {
        Admins = new AdminTokenAuthority(new AdminTokenOptions { Key = "test-key", Secret = "test-secret" }, Clock);
    }

    /// <summary>Opens the store under test on this test's database or file.</summary>
    protected abstract IPipelineJobStore OpenStore(JobStoreOptions options);

    [Fact]
    public async Task Create_writes_a_created_job_with_its_create_entry()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob(new JsonObject { ["alpha"] = 0.5 }));

        Assert.Matches("^107[0-9a-f]{5}-", job.Uuid);
        Assert.Equal(JobState.Created, job.State);
        Assert.Equal(JobEvent.Create, job.LastEvent);
        Assert.Equal(0, job.Revision);
        Assert.True(job.Visible);
        Assert.Equal([Pipeline], job.GeneratedBy);
        var entry = Assert.Single(job.History);
        Assert.Equal(JobEvent.Create, entry.Name);
        Assert.Matches("^108[0-9a-f]{5}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", entry.Uuid);
        Assert.Equal("{\"alpha\":0.5}", entry.Data!.ToJsonString());
        Assert.Equal("{\"alpha\":0.5}", job.Data.ToJsonString());
        // Dates are UTC and truncated to whole seconds, as the original stores them.
        var expected = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        Assert.Equal(expected, entry.Date);
        Assert.Equal(expected, job.Updated);
        Assert.Equal(expected, job.CreatedDate);
        Assert.Equal(expected, job.ModifiedDate);
        Assert.Equal("testing", job.Source);
        Assert.Equal(new JobAdmin("sd2eadm"), job.Admin);
    }

    [Fact]
    public async Task Create_computes_the_python_job_uuid()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob(new JsonObject()) with { ChildOf = [Measurement] });

        // Python original's vector: pipeline 106c46ff-…, child_of [1041ab3f-…], data {} (computed with the Python original).
        Assert.Equal("107596b8-25b2-557d-9702-853f0690c576", job.Uuid);
        Assert.Equal([Measurement], job.ChildOf);
    }

    [Fact]
    public async Task Create_with_the_same_inputs_returns_the_stored_job()
    {
        var store = await NewStoreAsync();
        var first = await store.CreateAsync(NewJob());
        var running = await store.ApplyAsync(first.Uuid, JobEvent.Run, null, first.UpdateToken);

        var again = await store.CreateAsync(NewJob() with { ArchivePath = "/elsewhere", Session = "other-session" });

        Assert.Equal(first.Uuid, again.Uuid);
        Assert.Equal(JobState.Running, again.State);
        Assert.Equal(2, again.History.Count);
        Assert.Equal(first.ArchivePath, again.ArchivePath);
        Assert.Equal(running.UpdateToken, again.UpdateToken);
        Assert.Single(await store.QueryAsync(new JobQuery()));
    }

    [Fact]
    public async Task Create_refuses_an_unknown_pipeline()
    {
        var store = await NewStoreAsync();
        var error = await Assert.ThrowsAsync<UnknownPipelineException>(() => store.CreateAsync(NewJob() with { PipelineUuid = OtherPipeline }));
        Assert.Equal(OtherPipeline, error.PipelineUuid);
        Assert.Empty(await store.QueryAsync(new JobQuery { IncludeHidden = true }));
    }

    [Fact]
    public async Task Pipelines_are_registered_and_found_by_uuid()
    {
        var store = await NewStoreAsync();
        await store.RegisterPipelineAsync(OtherPipeline, new JsonObject { ["name"] = "Tacobot", ["version"] = 2 });

        var found = await store.FindPipelineAsync(OtherPipeline);

        Assert.Equal("{\"uuid\":\"10650844-1baa-55c5-a481-5e945b19c065\",\"name\":\"Tacobot\",\"version\":2}", found!.ToJsonString());
        Assert.Null(await store.FindPipelineAsync("106bd5f0-0000-5000-8000-000000000000"));
    }

    [Fact]
    public async Task Pipelines_are_listed_in_uuid_order_without_the_database_id()
    {
        var store = await NewStoreAsync();
        await store.RegisterPipelineAsync(OtherPipeline, new JsonObject { ["name"] = "Tacobot" });

        var listed = await store.ListPipelinesAsync();

        Assert.Equal(
            [$"{{\"uuid\":\"{OtherPipeline}\",\"name\":\"Tacobot\"}}", $"{{\"uuid\":\"{Pipeline}\",\"name\":\"Conformance\"}}"],
            listed.Select(p => p.ToJsonString()));
    }

    [Theory]
    [MemberData(nameof(SpecTransitions.AllPairs), MemberType = typeof(SpecTransitions))]
    public async Task Every_event_is_applied_or_refused_as_the_transition_table_says(JobState state, JobEvent jobEvent)
    {
        var store = await NewStoreAsync();
        var job = await DriveToAsync(store, state);
        var (sources, destination) = SpecTransitions.Table[jobEvent];
        var token = TokenFor(job, jobEvent);

        if (sources.Contains(state))
        {
            var after = await ApplyAndReadAsync(store, job.Uuid, jobEvent, new JsonObject { ["step"] = "checked" }, token);
            Assert.Equal(destination ?? state, after.State);
            Assert.Equal(jobEvent, after.LastEvent);
            Assert.Equal(job.Revision + 1, after.Revision);
            Assert.Equal(job.History.Count + 1, after.History.Count);
            Assert.Equal(jobEvent, after.History[^1].Name);
            Assert.Equal("{\"step\":\"checked\"}", after.History[^1].Data!.ToJsonString());
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => store.ApplyAsync(job.Uuid, jobEvent, null, token));
            Assert.Equal(state, error.State);
            Assert.Equal(jobEvent, error.Event);
            await AssertUnchangedAsync(store, job);
        }
    }

    [Fact]
    public async Task Every_event_rotates_the_update_token_and_a_recent_one_stays_valid()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var tokens = new List<UpdateToken> { job.UpdateToken };
        for (var i = 0; i < 17; i++)
        {
            job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Update, new JsonObject { ["i"] = i }, job.UpdateToken);
            tokens.Add(job.UpdateToken);
        }

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        // 17 events later, the creation token has left the window of 16 recent salts; the next one has not.
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyAsync(job.Uuid, JobEvent.Update, null, tokens[0]));
        await AssertUnchangedAsync(store, job);
        var applied = await store.ApplyAsync(job.Uuid, JobEvent.Update, null, tokens[1]);
        Assert.Equal(18, applied.Revision);
    }

    [Fact]
    public async Task A_stale_token_is_refused_under_Enforce_and_accepted_under_Permissive()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var stale = job.UpdateToken;
        for (var i = 0; i < 17; i++)
        {
            job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Update, null, job.UpdateToken);
        }

        var error = await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyAsync(job.Uuid, JobEvent.Run, null, stale));
        Assert.Contains(job.Uuid, error.Message);
        Assert.Contains("'run'", error.Message);
        Assert.DoesNotContain(stale.Reveal(), error.Message);
        await AssertUnchangedAsync(store, job);

        var permissive = OpenStore(Options(TokenPolicy.Permissive));
        var applied = await permissive.ApplyAsync(job.Uuid, JobEvent.Run, null, stale);
        Assert.Equal(JobState.Running, applied.State);
        var withoutToken = await permissive.ApplyAsync(job.Uuid, JobEvent.Update, null, null);
        Assert.Equal(job.Revision + 2, withoutToken.Revision);
    }

    [Fact]
    public async Task Another_jobs_token_or_no_token_is_refused()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var other = await store.CreateAsync(NewJob(new JsonObject { ["other"] = true }));

        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyAsync(job.Uuid, JobEvent.Run, null, other.UpdateToken));
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyAsync(job.Uuid, JobEvent.Run, null, other.CallbackToken));
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyAsync(job.Uuid, JobEvent.Run, null, null));
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Run, null, other.UpdateToken.Reveal()));
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Run, null, "0dc73dc3ff39b49a"));
        await AssertUnchangedAsync(store, job);
    }

    [Fact]
    public async Task Token_text_is_matched_to_the_current_salt_the_window_or_the_callback_salt()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var first = job.UpdateToken.Reveal();
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Run, null, first);
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Update, null, first);
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Update, null, job.CallbackToken.Reveal());
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Finish, null, job.UpdateToken.Reveal());
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Reset, null, Admins.Issue().Reveal());

        Assert.Equal(JobState.Reset, job.State);
        Assert.Equal(5, job.Revision);
    }

    [Fact]
    public async Task The_callback_token_does_not_rotate_and_is_valid_for_client_events_only()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var callback = job.CallbackToken;
        Assert.NotEqual(job.UpdateToken.Reveal(), callback.Reveal());

        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Run, null, callback);
        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Update, null, callback);
        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Finish, null, callback);
        Assert.Equal(callback, job.CallbackToken);

        // index is an indexer event, create an internal one, reset an admin one: the callback token opens none of them.
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyAsync(job.Uuid, JobEvent.Index, null, callback));
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Index, null, callback.Reveal()));
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => store.ApplyAsync(job.Uuid, JobEvent.Reset, null, callback));
        await AssertUnchangedAsync(store, job);
        Assert.Equal(JobState.Indexing, (await store.ApplyAsync(job.Uuid, JobEvent.Index, null, job.UpdateToken)).State);
    }

    [Fact]
    public async Task A_token_text_matched_before_is_checked_again_against_the_job_each_time()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var callback = job.CallbackToken.Reveal();
        var first = job.UpdateToken.Reveal();
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Run, null, callback);
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Update, null, callback);

        // Matched once already, the callback token still opens client events only.
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Index, null, callback));

        // The first update token, matched once, is refused once sixteen events have passed it by.
        job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Update, null, first);
        for (var i = 0; i < 16; i++)
        {
            job = await ApplyTextAndReadAsync(store, job.Uuid, JobEvent.Update, null, job.UpdateToken.Reveal());
        }

        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Update, null, first));

        // A job deleted and created again has new salts: the old job's callback token, matched before, opens nothing.
        await store.DeleteAsync(job.Uuid, Admins.Issue(), JobDeletion.Hard);
        var again = await store.CreateAsync(NewJob());
        Assert.Equal(job.Uuid, again.Uuid);
        await Assert.ThrowsAsync<InvalidTokenException>(() => store.ApplyWithTokenTextAsync(again.Uuid, JobEvent.Run, null, callback));
        await AssertUnchangedAsync(store, again);
        Assert.Equal(JobState.Running, (await store.ApplyWithTokenTextAsync(again.Uuid, JobEvent.Run, null, again.CallbackToken.Reveal())).State);
    }

    [Fact]
    public async Task Admin_events_need_a_valid_admin_token_whatever_the_policy()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Run, null, job.UpdateToken);
        var permissive = OpenStore(Options(TokenPolicy.Permissive));

        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => store.ApplyAsync(job.Uuid, JobEvent.Reset, null, job.UpdateToken));
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => permissive.ApplyAsync(job.Uuid, JobEvent.Reset, null, job.UpdateToken));
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => permissive.ApplyAsync(job.Uuid, JobEvent.Reset, null, new AdminToken("0123456789abcdef")));
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => permissive.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Reset, null, job.UpdateToken.Reveal()));
        await AssertUnchangedAsync(store, job);

        var reset = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Reset, null, Admins.Issue());
        Assert.Equal(JobState.Reset, reset.State);
        var ready = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Ready, null, Admins.Issue());
        Assert.Equal(JobState.Created, ready.State);
        Assert.Equal([JobEvent.Create, JobEvent.Run, JobEvent.Reset, JobEvent.Ready], ready.History.Select(h => h.Name));
    }

    [Fact]
    public async Task An_unknown_job_is_reported_as_such()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        const string missing = "107aaaaa-1eae-5e79-8a18-0a480f8aa3a5";

        var error = await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(missing));
        Assert.Equal(missing, error.Uuid);
        await Assert.ThrowsAsync<UnknownJobException>(() => store.ApplyAsync(missing, JobEvent.Run, null, job.UpdateToken));
        await Assert.ThrowsAsync<UnknownJobException>(() => store.ApplyWithTokenTextAsync(missing, JobEvent.Run, null, job.UpdateToken.Reveal()));
        await Assert.ThrowsAsync<UnknownJobException>(() => store.ApplyAsync(missing, JobEvent.Reset, null, Admins.Issue()));
        await Assert.ThrowsAsync<UnknownJobException>(() => store.DeleteAsync(missing, Admins.Issue(), JobDeletion.Hard));
    }

    [Fact]
    public async Task Hard_delete_needs_an_admin_token_and_removes_the_job()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());

        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => store.DeleteAsync(job.Uuid, null, JobDeletion.Hard));
        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => store.DeleteAsync(job.Uuid, new AdminToken(job.UpdateToken.Reveal()), JobDeletion.Hard));
        await AssertUnchangedAsync(store, job);

        await store.DeleteAsync(job.Uuid, Admins.Issue(), JobDeletion.Hard);
        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(job.Uuid));
        Assert.Empty(await store.QueryAsync(new JobQuery { IncludeHidden = true }));
    }

    [Fact]
    public async Task Soft_delete_hides_the_job_from_queries_but_keeps_it()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());

        await Assert.ThrowsAsync<AdminTokenRequiredException>(() => store.DeleteAsync(job.Uuid, null, JobDeletion.Soft));
        await store.DeleteAsync(job.Uuid, Admins.Issue(), JobDeletion.Soft);

        var hidden = await store.GetAsync(job.Uuid);
        Assert.False(hidden.Visible);
        Assert.Equal(job.History.Count, hidden.History.Count);
        Assert.Empty(await store.QueryAsync(new JobQuery()));
        Assert.Equal(job.Uuid, Assert.Single(await store.QueryAsync(new JobQuery { IncludeHidden = true })).Uuid);
    }

    [Fact]
    public async Task Queries_filter_by_state_pipeline_child_of_and_update_time()
    {
        var store = await NewStoreAsync();
        await store.RegisterPipelineAsync(OtherPipeline, null);
        var start = Clock.Now;
        var a = await store.CreateAsync(NewJob(new JsonObject { ["n"] = 1 }) with { ChildOf = [Measurement] });
        Clock.Now = start.AddMinutes(1);
        var b = await store.CreateAsync(NewJob(new JsonObject { ["n"] = 2 }) with { PipelineUuid = OtherPipeline });
        Clock.Now = start.AddMinutes(2);
        var c = await store.CreateAsync(NewJob(new JsonObject { ["n"] = 3 }));
        Clock.Now = start.AddMinutes(3);
        b = await ApplyAndReadAsync(store, b.Uuid, JobEvent.Run, null, b.UpdateToken);

        Assert.Equal([a.Uuid, c.Uuid, b.Uuid], Uuids(await store.QueryAsync(new JobQuery())));
        Assert.Equal([b.Uuid], Uuids(await store.QueryAsync(new JobQuery { State = JobState.Running })));
        Assert.Equal([a.Uuid, c.Uuid], Uuids(await store.QueryAsync(new JobQuery { State = JobState.Created })));
        Assert.Equal([b.Uuid], Uuids(await store.QueryAsync(new JobQuery { PipelineUuid = OtherPipeline })));
        Assert.Equal([a.Uuid], Uuids(await store.QueryAsync(new JobQuery { ChildOf = Measurement })));
        Assert.Equal([c.Uuid, b.Uuid], Uuids(await store.QueryAsync(new JobQuery { UpdatedFrom = start.AddMinutes(2) })));
        Assert.Equal([a.Uuid], Uuids(await store.QueryAsync(new JobQuery { UpdatedBefore = start.AddSeconds(30) })));
        Assert.Equal([c.Uuid], Uuids(await store.QueryAsync(new JobQuery { UpdatedFrom = start.AddSeconds(90), UpdatedBefore = start.AddMinutes(3), State = JobState.Created })));
        Assert.Equal([a.Uuid, c.Uuid], Uuids(await store.QueryAsync(new JobQuery { Limit = 2 })));
    }

    [Fact]
    public async Task Unicode_data_and_payloads_round_trip()
    {
        var store = await NewStoreAsync();
        var data = new JsonObject { ["naïve"] = "☃ snow — 日本語 𝄞", ["nested"] = new JsonObject { ["ключ"] = new JsonArray("é", 1, true, null) } };
        var job = await store.CreateAsync(NewJob(data));
        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Update, new JsonObject { ["note"] = "Ünïcødé ✓ 🚀" }, job.UpdateToken);

        var stored = await store.GetAsync(job.Uuid);
        Assert.Equal(data.ToJsonString(), stored.Data.ToJsonString());
        Assert.Equal(data.ToJsonString(), stored.History[0].Data!.ToJsonString());
        Assert.Equal("Ünïcødé ✓ 🚀", stored.History[1].Data!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_job_with_about_90_kB_of_product_patterns_round_trips_and_takes_events()
    {
        var store = await NewStoreAsync();
        var patterns = new JsonArray();
        for (var i = 0; patterns.ToJsonString().Length < 90_000; i++)
        {
            patterns.Add(new JsonObject
            {
                ["patterns"] = new JsonArray($"^output/sample_{i:D4}/.*\\.(fcs|csv|json)$", $"^reports/run_{i:D4}_(summary|detail)\\.pdf$"),
                ["derived_from"] = new JsonArray($"1051{i:x4}-0000-5000-8000-000000000000"),
                ["derived_using"] = new JsonArray($"1091{i:x4}-0000-5000-8000-000000000000"),
                ["note"] = $"Product pattern {i}: flow cytometry outputs and their summary reports — ünïcode kept",
                ["fixity"] = i % 2 == 0,
            });
        }

        var job = await store.CreateAsync(NewJob() with { ProductPatterns = patterns });
        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Run, null, job.UpdateToken);

        var stored = await store.GetAsync(job.Uuid);
        Assert.InRange(patterns.ToJsonString().Length, 90_000, 91_000);
        Assert.Equal(patterns.ToJsonString(), stored.ProductPatterns.ToJsonString());
        Assert.Equal(JobState.Running, stored.State);
    }

    [Fact]
    public async Task Concurrent_update_events_through_the_callback_token_lose_nothing()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Run, null, job.UpdateToken);
        const int writers = 16;
        const int events = 500;

        var sent = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref sent) <= events)
            {
                await store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["writer"] = writer }, job.CallbackToken);
            }
        })));

        var stored = await store.GetAsync(job.Uuid);
        Assert.Equal(job.History.Count + events, stored.History.Count);
        Assert.Equal(stored.History.Count - 1, stored.Revision);
        Assert.Equal(stored.History.Count, stored.History.Select(h => h.Uuid).Distinct().Count());
        Assert.Equal(events, stored.History.Count(h => h.Name == JobEvent.Update));
        Assert.Equal(JobState.Running, stored.State);
    }

    [Fact]
    public async Task Concurrent_transitions_never_apply_a_forbidden_one()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        job = await ApplyAndReadAsync(store, job.Uuid, JobEvent.Run, null, job.UpdateToken);

        // finish and fail race from RUNNING: exactly one wins, the other finds a state it cannot leave that way.
        var outcomes = await Task.WhenAll(new[] { JobEvent.Finish, JobEvent.Fail, JobEvent.Finish, JobEvent.Fail }.Select(e => Task.Run(async () =>
        {
            try
            {
                await store.ApplyAsync(job.Uuid, e, null, job.CallbackToken);
                return e.ToString();
            }
            catch (InvalidTransitionException)
            {
                return "refused";
            }
        })));

        var stored = await store.GetAsync(job.Uuid);
        Assert.Equal(stored.History.Count - 1, stored.Revision);
        var applied = stored.History.Skip(2).Select(h => h.Name).ToList();
        // finish may repeat from FINISHED; fail from FINISHED is forbidden, and nothing leaves FAILED but retire/reset.
        Assert.True(applied.All(e => e == applied[0]), $"applied: {string.Join(",", applied)}");
        Assert.Equal(applied.Count, outcomes.Count(o => o != "refused"));
    }

    [Fact]
    public async Task Cancel_deletes_a_job_that_has_only_its_create_event()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());

        Assert.True(await ((ICancellableJobStore)store).CancelAsync(job.Uuid, job.UpdateToken));

        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(job.Uuid));
        await Assert.ThrowsAsync<UnknownJobException>(() => ((ICancellableJobStore)store).CancelAsync(job.Uuid, job.UpdateToken));
    }

    [Fact]
    public async Task Cancel_accepts_the_token_as_text_and_refuses_another()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var cancel = (ICancellableJobStore)store;

        var refused = await Assert.ThrowsAsync<InvalidTokenException>(() => cancel.CancelAsync(job.Uuid, new UpdateToken("0dc73dc3ff39b49a")));
        Assert.DoesNotContain("0dc73dc3ff39b49a", refused.Message);
        Assert.Equal(JobState.Created, (await store.GetAsync(job.Uuid)).State);

        // A token carried as text (not issued by this store object) is matched against the job's salts.
        Assert.True(await cancel.CancelAsync(job.Uuid, new UpdateToken(job.UpdateToken.Reveal())));
    }

    [Fact]
    public async Task Cancel_after_another_event_deletes_nothing()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        var updated = await store.ApplyAsync(job.Uuid, JobEvent.Update, null, job.UpdateToken);

        Assert.False(await ((ICancellableJobStore)store).CancelAsync(job.Uuid, updated.UpdateToken));

        Assert.Equal(2, (await store.GetAsync(job.Uuid)).History.Count);
    }

    [Fact]
    public async Task Cancel_with_a_wrong_token_under_permissive_policy_deletes()
    {
        var store = await NewStoreAsync(TokenPolicy.Permissive);
        var job = await store.CreateAsync(NewJob());

        Assert.True(await ((ICancellableJobStore)store).CancelAsync(job.Uuid, new UpdateToken("0dc73dc3ff39b49a")));
        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync(job.Uuid));
    }

    /// <summary>Opens the store under test with the pipeline of the vectors registered.</summary>
    protected async Task<IPipelineJobStore> NewStoreAsync(TokenPolicy policy = TokenPolicy.Enforce)
    {
        var store = OpenStore(Options(policy));
        await store.RegisterPipelineAsync(Pipeline, new JsonObject { ["name"] = "Conformance" });
        return store;
    }

    /// <summary>The options of every store a test opens.</summary>
    protected JobStoreOptions Options(TokenPolicy policy) => new() { TokenPolicy = policy, AdminTokens = Admins, Clock = Clock };

    /// <summary>A new job of the test pipeline.</summary>
    protected static NewJob NewJob(JsonObject? data = null) => new()
    {
        PipelineUuid = Pipeline,
        ArchivePath = "/products/v2/106c46ff81865756a934071f4497b58d/example",
        Data = data ?? new JsonObject { ["param1"] = "value1" },
        Session = "sensible-adder",
        Agent = "https://api.sd2e.org/actors/v2/actor-id",
        Admin = new JobAdmin("sd2eadm"),
    };

    private async Task<JobSnapshot> DriveToAsync(IPipelineJobStore store, JobState state)
    {
        var job = await store.CreateAsync(NewJob(new JsonObject { ["state"] = state.ToString() }));
        foreach (var step in SpecTransitions.PathTo[state])
        {
            job = await ApplyAndReadAsync(store, job.Uuid, step, null, TokenFor(job, step));
        }

        Assert.Equal(state, job.State);
        return job;
    }

    /// <summary>
    /// Applies an event and reads the job back. The event's answer must agree with what was stored: state, last event,
    /// revision, date, both tokens, and its entry as the history's last one.
    /// </summary>
    private static async Task<JobSnapshot> ApplyAndReadAsync(IPipelineJobStore store, string jobUuid, JobEvent jobEvent, JsonObject? data, SecretToken? token) =>
        await ReadBackAsync(store, await store.ApplyAsync(jobUuid, jobEvent, data, token));

    /// <summary>Like <see cref="ApplyAndReadAsync"/> for a token given as text.</summary>
    private static async Task<JobSnapshot> ApplyTextAndReadAsync(IPipelineJobStore store, string jobUuid, JobEvent jobEvent, JsonObject? data, string? token) =>
        await ReadBackAsync(store, await store.ApplyWithTokenTextAsync(jobUuid, jobEvent, data, token));

    private static async Task<JobSnapshot> ReadBackAsync(IPipelineJobStore store, AppliedJobEvent applied)
    {
        var stored = await store.GetAsync(applied.Uuid);
        Assert.Equal(stored.State, applied.State);
        Assert.Equal(stored.LastEvent, applied.LastEvent);
        Assert.Equal(stored.Revision, applied.Revision);
        Assert.Equal(stored.Updated, applied.Updated);
        Assert.Equal(stored.UpdateToken, applied.UpdateToken);
        Assert.Equal(stored.CallbackToken, applied.CallbackToken);
        var last = stored.History[^1];
        Assert.Equal((last.Date, last.Name, last.Uuid, last.Data?.ToJsonString()), (applied.Entry.Date, applied.Entry.Name, applied.Entry.Uuid, applied.Entry.Data?.ToJsonString()));
        return stored;
    }

    private SecretToken TokenFor(JobSnapshot job, JobEvent jobEvent) =>
        jobEvent is JobEvent.Reset or JobEvent.Ready ? Admins.Issue() : job.UpdateToken;

    private static async Task AssertUnchangedAsync(IPipelineJobStore store, JobSnapshot before)
    {
        var after = await store.GetAsync(before.Uuid);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(before.UpdateToken, after.UpdateToken);
    }

    private static IEnumerable<string> Uuids(IEnumerable<JobSnapshot> jobs) => jobs.Select(j => j.Uuid);
}
