using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Tokens;
using Xunit.Abstractions;

namespace PipelineSdk.Reliability.Tests.Stores;

/// <summary>
/// Load (issue 9 item 1), directly against the stores because the events endpoint is not on main yet: 64 concurrent
/// clients send a random mix of events (client events with the callback token, indexer events with the newest update
/// token seen, a few admin resets/readies) to 100 jobs for a bounded time (<c>PIPELINESDK_LOAD_SECONDS</c>, 8 s by
/// default). Afterwards every job's history has exactly one entry per accepted event plus create, a consistent
/// revision, no duplicate uuid and no forbidden transition. Throughput and latency go to the test output.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class StoreLoadTests(CongoServerFixture server, ITestOutputHelper output) : SecretCheckedTest
{
    private const int Clients = 64;
    private const int Jobs = 100;
    private static readonly JobEvent[] Events = [.. Enum.GetValues<JobEvent>().Where(e => e != JobEvent.Create)];
    private readonly TestStores _stores = new(server);

    [Theory]
    [InlineData(StoreKind.Embedded)]
    [InlineData(StoreKind.Mongo)]
    public async Task Concurrent_clients_lose_nothing_and_double_nothing(StoreKind kind)
    {
        var store = await _stores.OpenAsync(kind);
        var jobs = new JobSnapshot[Jobs];
        for (var i = 0; i < Jobs; i++)
        {
            jobs[i] = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["load"] = i })));
        }

        var accepted = new int[Jobs];
        var newestToken = jobs.Select(j => (SecretToken)j.UpdateToken).ToArray();
        var lastState = jobs.Select(j => j.State).ToArray();
        var latencies = new ConcurrentBag<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        var admin = _stores.AdminToken();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PIPELINESDK_LOAD_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 8;
        // A deadline read by the clients, not a timer: a blocked thread pool would delay a timer's callback.
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var random = Fuzz.CaseRandom(nameof(Concurrent_clients_lose_nothing_and_double_nothing), client);
            while (clock.Elapsed < deadline)
            {
                var index = random.Next(Jobs);
                // Mostly events the client believes are allowed (its view may be stale), some at random.
                var known = lastState[index];
                var likely = Events.Where(e => JobStateMachine.CanApply(known, e)).ToArray();
                var jobEvent = random.Next(5) > 0 && likely.Length > 0 ? likely[random.Next(likely.Length)] : Events[random.Next(Events.Length)];
                var access = JobStateMachine.AccessOf(jobEvent);
                if (access == EventAccess.Admin && known != JobState.Reset && random.Next(4) != 0)
                {
                    jobEvent = JobEvent.Update; // keep resets rare, or jobs would mostly sit in RESET
                    access = EventAccess.Client;
                }

                SecretToken token = access switch
                {
                    EventAccess.Client => jobs[index].CallbackToken,
                    EventAccess.Admin => admin,
                    _ => Volatile.Read(ref newestToken[index]),
                };
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var applied = await store.ApplyAsync(jobs[index].Uuid, jobEvent, new JsonObject { ["client"] = client }, token);
                    Interlocked.Increment(ref accepted[index]);
                    Volatile.Write(ref newestToken[index], applied.UpdateToken);
                    lastState[index] = applied.State; // a hint only: a stale view just makes a refusal more likely
                    SuiteSecrets.Register(applied.UpdateToken.Reveal());
                }
                catch (PipelineJobException e)
                {
                    // Refusals are expected (forbidden transitions, stale tokens, conflicts); they must be the documented kind.
                    SuiteSecrets.Observe(e);
                    refusals.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed;

        for (var i = 0; i < Jobs; i++)
        {
            JobInvariants.AssertConsistent(await store.GetAsync(jobs[i].Uuid), accepted[i]);
        }

        var sorted = latencies.Order().ToArray();
        var total = accepted.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: {Clients} clients, {Jobs} jobs, {elapsed.TotalSeconds:F1} s: {sorted.Length} requests, {total} events accepted ({total / elapsed.TotalSeconds:F0} events/s, {sorted.Length / elapsed.TotalSeconds:F0} requests/s), latency p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms; refused: {string.Join(", ", refusals.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"))}"));
        Assert.True(total > Jobs, $"only {total} events were accepted");
        await _stores.RegisterStoredSaltsAsync();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stores.Dispose();
        base.Dispose();
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];
}
