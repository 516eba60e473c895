using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using PipelineSdk.Endpoint;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Stores;

namespace PipelineSdk.Benchmarks.Load;

/// <summary>
/// The load benchmark (<c>dotnet run -c Release --project tests/PipelineSdk.Benchmarks -- load</c>), in one process and
/// one run: (1) <c>update</c> events with the callback token through the events endpoint on each store, taking turns
/// with the bare ceiling endpoint, with 64 connections and 200 jobs round robin, and the same events straight into the
/// store; (2) the time of one event through each store for a
/// job with 10, 1,000 and 10,000 history entries. Prints Markdown tables. Loopback only, bounded in time.
/// </summary>
public static class EndpointLoadRun
{
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    private const string Manager = "jobs-manager.bench";
    private const string Nonce = "BENCH_0123456789abcdef";
    private const int Connections = 64;
    private const int Jobs = 200;
    private const int EventsPerLevel = 200;
    private const string MongoRow = "MongoDB (CongoDB wire server)";

    /// <summary>How many alternating windows the ceiling and an endpoint each get.</summary>
    private const int Turns = 4;

    /// <summary>The start of each window that is not counted: the closed loop settles after the other server's turn.</summary>
    private static readonly TimeSpan TurnWarmup = TimeSpan.FromSeconds(0.5);

    private static readonly int[] HistoryLevels = [10, 1_000, 10_000];
    private static readonly JsonObject Payload = new() { ["percent"] = 40, ["note"] = "halfway through the second stage" };

    /// <summary>
    /// Runs everything; <c>--seconds N</c> sets the measured window of each load (default 10), and
    /// <c>--seconds N --only TEXT</c> keeps the stores whose row name contains TEXT.
    /// </summary>
    public static async Task RunAsync(string[] args)
    {
        var seconds = args is ["--seconds", var s, ..] ? int.Parse(s, CultureInfo.InvariantCulture) : 10;
        var only = args is [_, _, "--only", var o] ? o : null;
        var warmup = TimeSpan.FromSeconds(3);
        var measured = TimeSpan.FromSeconds(seconds);
        var folder = Directory.CreateTempSubdirectory("psdk-load-").FullName;
        var uri = Environment.GetEnvironmentVariable(CongoServerProcess.RealMongoVariable);
        // The wire server starts only when its row runs: a run of the SQLite rows alone neither needs Node.js nor
        // shares the CPU with it.
        var mongo = only is null || MongoRow.Contains(only, StringComparison.OrdinalIgnoreCase);
        await using var server = mongo && string.IsNullOrWhiteSpace(uri) ? await CongoServerProcess.StartAsync() : null;
        var database = mongo ? new MongoClient(uri is { Length: > 0 } ? uri : server!.ConnectionString).GetDatabase("psdk_load_" + Guid.NewGuid().ToString("N")) : null;
        try
        {
            Console.WriteLine($"load: {Connections} connections, {Jobs} jobs round robin, {warmup.TotalSeconds:0} s warm-up, then {Turns} turns of {(measured / Turns).TotalSeconds:0.#} s measured on the ceiling and on the row's endpoint; load average {LoadAverage()}");
            var rows = new List<(string Name, LoadResult Result, LoadResult Ceiling)>();
            await using var ceilingHost = await CeilingEndpoint.StartAsync();
            var ceilingBodies = Enumerable.Range(0, Jobs).Select(i => Body($"107{i:x5}-0000-5000-8000-000000000000", "0123456789abcdef")).ToArray();
            using var ceiling = new HttpLoad(MessagesUrl(ceilingHost), n => ceilingBodies[n % Jobs], Connections);

            var stores = new List<(string Name, Func<IPipelineJobStore> Open)>
            {
                ("Embedded (SQLite, durability Full)", () => new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = Path.Combine(folder, "full.sqlite"), Durability = EmbeddedDurability.Full })),
                ("Embedded (SQLite, durability Normal)", () => new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = Path.Combine(folder, "normal.sqlite"), Durability = EmbeddedDurability.Normal })),
                (MongoRow, () => new MongoJobStore(database!)),
            };
            var perEvent = new List<(string Name, double[] Medians)>();
            foreach (var (name, open) in stores.Where(st => only is null || st.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
            {
                var store = open();
                try
                {
                    await store.RegisterPipelineAsync(Pipeline, null);
                    var jobs = await CreateJobsAsync(store);
                    var (endpoint, paired) = await EndpointLoadAsync(store, jobs, ceiling, warmup, measured);
                    rows.Add(($"Events endpoint, {name}", endpoint, paired));
                    Console.WriteLine(Row(rows[^1]));
                    rows.Add(($"Store alone (no HTTP), {name}", await StoreLoadAsync(store, jobs, warmup, measured), paired));
                    Console.WriteLine(Row(rows[^1]));
                    perEvent.Add((name, await PerEventAsync(store)));
                    Console.WriteLine($"{name}: per-event median at history {string.Join(", ", HistoryLevels.Zip(perEvent[^1].Medians, (h, m) => $"{h}: {m:0.000} ms"))}");
                }
                finally
                {
                    (store as IDisposable)?.Dispose();
                }
            }

            Console.WriteLine();
            Console.WriteLine("| Workload: 200 jobs round robin, 64 connections | Events/s | Ceiling req/s, same turns | Ratio to ceiling | p50 ms | p99 ms | Ceiling p99 ms | p99 / ceiling p99 | Non-200 |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                Console.WriteLine(Row(row));
            }

            Console.WriteLine();
            Console.WriteLine($"| One job, one client: median time per event through the store | {string.Join(" | ", HistoryLevels.Select(h => $"{h:N0} entries"))} | {HistoryLevels[^1]:N0} / {HistoryLevels[0]} |");
            Console.WriteLine($"|---|{string.Concat(HistoryLevels.Select(_ => "---:|"))}---:|");
            foreach (var (name, medians) in perEvent)
            {
                Console.WriteLine($"| {name} | {string.Join(" | ", medians.Select(m => $"{m:0.000} ms"))} | {medians[^1] / medians[0]:0.00} |");
            }
        }
        finally
        {
            if (database is not null)
            {
                await database.Client.DropDatabaseAsync(database.DatabaseNamespace.DatabaseName);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<JobSnapshot>> CreateJobsAsync(IPipelineJobStore store)
    {
        var jobs = new List<JobSnapshot>();
        for (var i = 0; i < Jobs; i++)
        {
            jobs.Add(await store.CreateAsync(JobInputs(new JsonObject { ["load"] = i })));
        }

        return jobs;
    }

    /// <summary>
    /// The same events straight into the store, with the token as text as the endpoint passes it: what the store
    /// allows under 64 concurrent callers, apart from HTTP.
    /// </summary>
    private static async Task<LoadResult> StoreLoadAsync(IPipelineJobStore store, List<JobSnapshot> jobs, TimeSpan warmup, TimeSpan measured) =>
        LoadResult.Of([await ClosedLoop.RunAsync(Connections, async n =>
        {
            var job = jobs[(int)(n % Jobs)];
            await store.ApplyWithTokenTextAsync(job.Uuid, JobEvent.Update, Payload, job.CallbackToken.Reveal());
            return true;
        }, warmup, measured)]);

    /// <summary>
    /// The events endpoint on <paramref name="store"/> and the ceiling, loaded in turns: both warmed, then
    /// <see cref="Turns"/> alternating windows each. A machine whose speed drifts (other work, a noisy neighbour)
    /// then slows both rows alike, so their ratio is the endpoint's and not the moment's.
    /// </summary>
    private static async Task<(LoadResult Endpoint, LoadResult Ceiling)> EndpointLoadAsync(
        IPipelineJobStore store, List<JobSnapshot> jobs, HttpLoad ceiling, TimeSpan warmup, TimeSpan measured)
    {
        var bodies = jobs.Select(j => Body(j.Uuid, j.CallbackToken.Reveal())).ToArray();
        var options = new PipelineJobEventsHostOptions
        {
            Store = store,
            ConfigureEvents = events =>
            {
                events.ManagerIds.Add(Manager);
                events.Nonces.Add(new EndpointNonce(Nonce));
                events.RateLimitPermits = 0;
            },
            // As `pipelinejobs serve` logs: the console at Information (per-request lines are Debug). The host's
            // start and stop lines are left out so they do not break up the table.
            ConfigureLogging = logging => logging.AddSimpleConsole(console => console.SingleLine = true).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None),
        };
        options.Urls.Clear();
        options.Urls.Add("http://127.0.0.1:0");
        await using var app = PipelineJobEventsHost.Build(options);
        await app.StartAsync();
        using var endpoint = new HttpLoad(MessagesUrl(app), n => bodies[n % Jobs], Connections);
        await ceiling.RunAsync(warmup, TimeSpan.Zero);
        await endpoint.RunAsync(warmup, TimeSpan.Zero);
        var ceilingSlices = new List<LoadSlice>();
        var endpointSlices = new List<LoadSlice>();
        for (var turn = 0; turn < Turns; turn++)
        {
            ceilingSlices.Add(await ceiling.RunAsync(TurnWarmup, measured / Turns));
            endpointSlices.Add(await endpoint.RunAsync(TurnWarmup, measured / Turns));
        }

        await app.StopAsync();
        return (LoadResult.Of(endpointSlices), LoadResult.Of(ceilingSlices));
    }

    private static Uri MessagesUrl(WebApplication app) => new(new Uri(app.Urls.Single()), $"/actors/v2/{Manager}/messages?x-nonce={Nonce}");

    /// <summary>
    /// The median time of one event through the store for a job at each history level: one job per level, filled with
    /// the same events, then measured in turns (an event on each job, round after round), so that every level sees the
    /// same moment of the machine and of the store's background work (a checkpoint after the fill, say).
    /// </summary>
    private static async Task<double[]> PerEventAsync(IPipelineJobStore store)
    {
        var jobs = new List<JobSnapshot>();
        foreach (var level in HistoryLevels)
        {
            var job = await store.CreateAsync(JobInputs(new JsonObject { ["single"] = Guid.NewGuid().ToString() }));
            for (var entries = 1; entries < level; entries++)
            {
                await store.ApplyAsync(job.Uuid, JobEvent.Update, Payload, job.CallbackToken);
            }

            jobs.Add(job);
        }

        var times = HistoryLevels.Select(_ => new double[EventsPerLevel]).ToArray();
        for (var i = 0; i < EventsPerLevel; i++)
        {
            for (var level = 0; level < jobs.Count; level++)
            {
                var started = Stopwatch.GetTimestamp();
                await store.ApplyAsync(jobs[level].Uuid, JobEvent.Update, Payload, jobs[level].CallbackToken);
                times[level][i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return [.. times.Select(t =>
        {
            Array.Sort(t);
            return LoadResult.Percentile(t, 0.5);
        })];
    }

    private static NewJob JobInputs(JsonObject data) => new()
    {
        PipelineUuid = Pipeline,
        ArchivePath = "/products/v2/load",
        Data = data,
        Admin = new JobAdmin("sd2eadm"),
    };

    private static byte[] Body(string uuid, string token) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["uuid"] = uuid,
        ["name"] = "update",
        ["token"] = token,
        ["data"] = Payload.DeepClone(),
    }.ToJsonString());

    private static string Row((string Name, LoadResult Result, LoadResult Ceiling) row) =>
        $"| {row.Name} | {row.Result.PerSecond:N0} | {row.Ceiling.PerSecond:N0} | {row.Result.PerSecond / row.Ceiling.PerSecond:P1} | {row.Result.P50:0.0} | " +
        $"{row.Result.P99:0.0} | {row.Ceiling.P99:0.0} | {row.Result.P99 / row.Ceiling.P99:0.00} | {row.Result.Failures} |";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
