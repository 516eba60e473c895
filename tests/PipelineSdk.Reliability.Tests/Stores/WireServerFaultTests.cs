using System.Text.Json.Nodes;
using MongoDB.Driver;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;
using Xunit.Abstractions;

namespace PipelineSdk.Reliability.Tests.Stores;

/// <summary>
/// Outages of the MongoDB store. First the wire server is killed (SIGKILL) in the middle of a run of events and
/// restarted on the same port: while it is down every call fails with <see cref="PipelineStoreUnavailableException"/>,
/// and the same client reconnects by itself once it is back. CongoDB keeps data in memory only, so the restarted
/// server is empty: the lost jobs are reported as <see cref="UnknownJobException"/>, a rerun's create gives the same
/// job uuids, and events on them keep every history invariant. Second, the connection to a live server is cut (a
/// relay in between resets every connection) while events are in flight, so what they did can be read afterwards.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class WireServerFaultTests(CongoServerFixture server, ITestOutputHelper output) : SecretCheckedTest
{
    [Fact]
    public async Task A_killed_and_restarted_server_gives_retryable_errors_then_the_client_recovers()
    {
        var first = await CongoServerProcess.StartAsync();
        var port = first.Port;
        var settings = MongoClientSettings.FromConnectionString(first.ConnectionString);
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(2);
        settings.ConnectTimeout = TimeSpan.FromSeconds(2);
        using var stores = new TestStores(null);
        var store = await stores.OpenAsync(StoreKind.Mongo, settings);
        var jobs = new List<JobSnapshot>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["fault"] = i }))));
        }

        var failures = new Dictionary<string, int>();
        var applied = 0;
        CongoServerProcess? second = null;
        try
        {
            for (var round = 0; round < 40; round++)
            {
                if (round == 20)
                {
                    await first.KillAsync();
                }

                if (round == 26)
                {
                    second = await CongoServerProcess.StartAsync(port);
                }

                var job = jobs[round % jobs.Count];
                try
                {
                    jobs[round % jobs.Count] = await TestStores.ApplyAsync(store, job, JobEvent.Update, new JsonObject { ["round"] = round }, job.CallbackToken);
                    applied++;
                }
                catch (Exception e) when (e is PipelineStoreUnavailableException or UnknownJobException)
                {
                    SuiteSecrets.Observe(e);
                    if (e is PipelineStoreUnavailableException unavailable)
                    {
                        AssertDescribesOutage(unavailable, job.Uuid, port);
                    }

                    failures[e.GetType().Name] = failures.GetValueOrDefault(e.GetType().Name) + 1;
                    Assert.True(round >= 20, $"round {round} failed before the kill: {e.Message}");
                }
            }

            output.WriteLine($"applied {applied}; failures: {string.Join(", ", failures.Select(f => $"{f.Key} {f.Value}"))}");
            Assert.Equal(20, applied); // every event before the kill; none while down; the restarted server has no jobs
            Assert.True(failures.GetValueOrDefault(nameof(PipelineStoreUnavailableException)) > 0, "no outage was seen");
            Assert.True(failures.GetValueOrDefault(nameof(UnknownJobException)) > 0, "the empty restarted server should report the lost jobs");

            // The rerun: the same inputs create the same jobs on the restarted server, and events apply cleanly.
            await store.RegisterPipelineAsync(TestStores.Pipeline, new JsonObject { ["name"] = "reliability" });
            for (var i = 0; i < jobs.Count; i++)
            {
                var again = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["fault"] = i })));
                Assert.Equal(jobs[i].Uuid, again.Uuid);
                await store.ApplyAsync(again.Uuid, JobEvent.Run, null, again.UpdateToken);
                JobInvariants.AssertConsistent(await store.GetAsync(again.Uuid), acceptedEvents: 1);
            }
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Events_in_flight_when_the_connection_is_cut_are_applied_once_or_not_at_all()
    {
        const int Jobs = 8;
        const int Rounds = 30;
        await using var proxy = CuttableTcpProxy.Start(MongoUrl.Create(server.ConnectionString).Server.Port);
        var settings = MongoClientSettings.FromConnectionString($"mongodb://127.0.0.1:{proxy.Port}/?directConnection=true");
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(1);
        settings.ConnectTimeout = TimeSpan.FromSeconds(1);
        settings.RetryWrites = false; // the client's own retry, below, is what is tested
        settings.RetryReads = false;
        using var stores = new TestStores(server);
        var store = await stores.OpenAsync(StoreKind.Mongo, settings);
        var jobs = new List<JobSnapshot>();
        for (var i = 0; i < Jobs; i++)
        {
            jobs.Add(TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["cut"] = i }))));
        }

        var unavailable = new System.Collections.Concurrent.ConcurrentBag<PipelineStoreUnavailableException>();
        var resolvedAsApplied = 0;
        var appliedCount = 0;

        // Each job's client sends rounds 0..29 in order with its latest update token. After an outage it reads the
        // job (waiting for the store to come back): a round already in the history counts as done, else it is resent.
        async Task DriveAsync(JobSnapshot job)
        {
            for (var round = 0; round < Rounds; round++)
            {
                while (true)
                {
                    try
                    {
                        job = await TestStores.ApplyAsync(store, job, JobEvent.Update, new JsonObject { ["round"] = round }, job.UpdateToken);
                        Interlocked.Increment(ref appliedCount);
                        break;
                    }
                    catch (PipelineStoreUnavailableException e)
                    {
                        SuiteSecrets.Observe(e);
                        unavailable.Add(e);
                        AssertDescribesOutage(e, job.Uuid, proxy.Port);
                        job = TestStores.Seen(await ReadWhenBackAsync(store, job.Uuid));
                        if (job.History.Any(h => (int?)h.Data?["round"] == round))
                        {
                            Interlocked.Increment(ref resolvedAsApplied);
                            break;
                        }
                    }
                }
            }
        }

        var drivers = jobs.Select(job => Task.Run(() => DriveAsync(job))).ToList();
        var cutter = Task.Run(async () =>
        {
            // Cut once some events have gone through, while every client has one in flight.
            while (Volatile.Read(ref appliedCount) < Jobs * 5)
            {
                await Task.Delay(5);
            }

            await proxy.CutAsync();
            await Task.Delay(1500);
            proxy.Restore();
        });
        await Task.WhenAll(drivers.Append(cutter));

        var inFlight = unavailable.Count(e => e.MayHaveBeenApplied);
        output.WriteLine($"{unavailable.Count} unavailable errors ({inFlight} with the write possibly applied, {resolvedAsApplied} of them found applied on reading back)");
        Assert.NotEmpty(unavailable);
        foreach (var job in jobs)
        {
            var stored = await store.GetAsync(job.Uuid);
            JobInvariants.AssertConsistent(stored, acceptedEvents: Rounds);
            Assert.Equal(Enumerable.Range(0, Rounds), stored.History.Skip(1).Select(h => (int)h.Data!["round"]!));
        }

        await stores.RegisterStoredSaltsAsync();
    }

    private static async Task<JobSnapshot> ReadWhenBackAsync(PipelineSdk.Stores.IPipelineJobStore store, string jobUuid)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await store.GetAsync(jobUuid);
            }
            catch (PipelineStoreUnavailableException e) when (attempt < 60)
            {
                SuiteSecrets.Observe(e);
                Assert.False(e.MayHaveBeenApplied, "a read cannot have applied anything");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// The error names the store, the operation, the job and the server's host and port (so an operator knows which one
    /// is down), says it is retryable, and never shows the connection URI (it may hold a password).
    /// </summary>
    private static void AssertDescribesOutage(PipelineStoreUnavailableException error, string jobUuid, int port)
    {
        Assert.True(error.IsRetryable);
        Assert.Equal("MongoDB", error.Store);
        Assert.Contains(jobUuid, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mongodb://", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.True(error.InnerException is MongoException or TimeoutException, error.InnerException?.GetType().Name);
    }
}
