using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>One event a load client sends: the job, the event, the token chosen for its scope and the client's number.</summary>
public sealed record LoadAttempt(JobSnapshot Job, JobEvent Event, SecretToken Token, int Client);

/// <summary>What came of a <see cref="LoadAttempt"/>: the job's new state and update token when accepted, or the refusal's name.</summary>
public sealed record LoadOutcome(JobState? State, UpdateToken? NewUpdateToken, string? Refusal)
{
    /// <summary>An accepted event.</summary>
    public static LoadOutcome Accepted(JobState state, UpdateToken? newUpdateToken = null) => new(state, newUpdateToken, null);

    /// <summary>A refused event.</summary>
    public static LoadOutcome Refused(string refusal) => new(null, null, refusal);
}

/// <summary>
/// The load of issue 9 item 1, for any way of sending events: <c>Clients</c> concurrent clients send a random mix of
/// events to the jobs until a deadline (<c>PIPELINESDK_LOAD_SECONDS</c>, 8 s by default). Client events go with the
/// callback token, admin events (kept rare) with an admin token, indexer events with the newest update token seen (or
/// an admin token when the sender cannot see update tokens). Counts accepted events per job for the invariants.
/// </summary>
public sealed class LoadDriver(IReadOnlyList<JobSnapshot> jobs, AdminToken admin, bool indexerEventsWithAdminToken = false)
{
    /// <summary>Concurrent clients.</summary>
    public const int Clients = 64;

    private static readonly JobEvent[] Events = [.. Enum.GetValues<JobEvent>().Where(e => e != JobEvent.Create)];

    /// <summary>The run's length: <c>PIPELINESDK_LOAD_SECONDS</c> or 8 s.</summary>
    public static TimeSpan Duration { get; } = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("PIPELINESDK_LOAD_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 8);

    /// <summary>Events accepted per job (same order as the jobs).</summary>
    public int[] Accepted { get; } = new int[jobs.Count];

    /// <summary>Runs the load and returns a one-line summary (throughput, latency, refusals, thread pool).</summary>
    public async Task<string> RunAsync(string name, Func<LoadAttempt, Task<LoadOutcome>> send)
    {
        var newestToken = jobs.Select(j => (SecretToken)j.UpdateToken).ToArray();
        var lastState = jobs.Select(j => j.State).ToArray();
        var latencies = new ConcurrentBag<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        await using var probe = new ThreadPoolProbe();
        // A deadline read by the clients, not a timer: a blocked thread pool would delay a timer's callback.
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var random = Fuzz.CaseRandom(name, client);
            while (clock.Elapsed < Duration)
            {
                var index = random.Next(jobs.Count);
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
                    _ when indexerEventsWithAdminToken => admin,
                    _ => Volatile.Read(ref newestToken[index]),
                };
                var started = Stopwatch.GetTimestamp();
                var outcome = await send(new LoadAttempt(jobs[index], jobEvent, token, client));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (outcome.Refusal is { } refusal)
                {
                    refusals.AddOrUpdate(refusal, 1, (_, n) => n + 1);
                    continue;
                }

                Interlocked.Increment(ref Accepted[index]);
                if (outcome.NewUpdateToken is { } newToken)
                {
                    SuiteSecrets.Register(newToken.Reveal());
                    Volatile.Write(ref newestToken[index], newToken);
                }

                lastState[index] = outcome.State!.Value; // a hint only: a stale view just makes a refusal more likely
            }
        })));
        var elapsed = clock.Elapsed;
        var pool = await probe.StopAsync();

        var sorted = latencies.Order().ToArray();
        var total = Accepted.Sum();
        Assert.True(total > jobs.Count, $"{name}: only {total} events were accepted");
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: {Clients} clients, {jobs.Count} jobs, {elapsed.TotalSeconds:F1} s: {sorted.Length} requests, {total} events accepted ({total / elapsed.TotalSeconds:F0} events/s, {sorted.Length / elapsed.TotalSeconds:F0} requests/s), latency p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms; refused: {string.Join(", ", refusals.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"))}; {pool}");
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];
}
