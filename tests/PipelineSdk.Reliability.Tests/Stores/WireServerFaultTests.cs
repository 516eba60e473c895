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
/// The wire server is killed (SIGKILL) in the middle of a run of events and restarted on the same port. While it is
/// down every call fails with a driver exception of a known retryable kind (the store does not wrap them: see
/// docs/reliability.md); the same client reconnects by itself once it is back. CongoDB keeps data in memory only, so
/// the restarted server is empty: "converges" here means the lost jobs are reported as <see cref="UnknownJobException"/>,
/// a rerun's create gives the same job uuids, and events on them keep every history invariant.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class WireServerFaultTests(ITestOutputHelper output) : SecretCheckedTest
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
                    jobs[round % jobs.Count] = TestStores.Seen(await store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["round"] = round }, job.CallbackToken));
                    applied++;
                }
                catch (Exception e) when (e is MongoConnectionException or TimeoutException or UnknownJobException)
                {
                    SuiteSecrets.Observe(e);
                    failures[e.GetType().Name] = failures.GetValueOrDefault(e.GetType().Name) + 1;
                    Assert.True(round >= 20, $"round {round} failed before the kill: {e.Message}");
                }
            }

            output.WriteLine($"applied {applied}; failures: {string.Join(", ", failures.Select(f => $"{f.Key} {f.Value}"))}");
            Assert.Equal(20, applied); // every event before the kill; none while down; the restarted server has no jobs
            Assert.True(failures.Keys.Any(k => k is nameof(MongoConnectionException) or nameof(TimeoutException)), "no outage was seen");
            Assert.True(failures.GetValueOrDefault(nameof(UnknownJobException)) > 0, "the empty restarted server should report the lost jobs");

            // The rerun: the same inputs create the same jobs on the restarted server, and events apply cleanly.
            await store.RegisterPipelineAsync(TestStores.Pipeline, new JsonObject { ["name"] = "reliability" });
            for (var i = 0; i < jobs.Count; i++)
            {
                var again = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["fault"] = i })));
                Assert.Equal(jobs[i].Uuid, again.Uuid);
                again = await store.ApplyAsync(again.Uuid, JobEvent.Run, null, again.UpdateToken);
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
}
