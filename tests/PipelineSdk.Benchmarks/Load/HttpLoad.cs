using System.Diagnostics;
using System.Net;

namespace PipelineSdk.Benchmarks.Load;

/// <summary>Throughput and latency of one load run.</summary>
/// <param name="Requests">Requests answered inside the measured window.</param>
/// <param name="Failures">Answers other than 200 (any failure makes the row invalid).</param>
/// <param name="Seconds">The measured window.</param>
/// <param name="P50">Median latency, ms.</param>
/// <param name="P99">99th percentile latency, ms.</param>
public sealed record LoadResult(long Requests, long Failures, double Seconds, double P50, double P99)
{
    /// <summary>Answered requests per second.</summary>
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// A closed-loop HTTP load on loopback: <c>connections</c> clients, each with its own kept-alive connection, send one
/// POST after another. The first <c>warmup</c> is not measured (JIT, connection set-up, pools).
/// </summary>
public static class HttpLoad
{
    /// <summary>Runs the load against <paramref name="url"/>; <paramref name="body"/> gives the body of the n-th request.</summary>
    public static async Task<LoadResult> RunAsync(Uri url, Func<long, byte[]> body, int connections, TimeSpan warmup, TimeSpan measured)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        long sequence = -1;
        long failures = 0;
        var clock = Stopwatch.StartNew();
        var start = warmup;
        var end = warmup + measured;
        var latencies = new List<double>[connections];

        await Task.WhenAll(Enumerable.Range(0, connections).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (clock.Elapsed < end)
            {
                using var content = new ByteArrayContent(body(Interlocked.Increment(ref sequence)));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                var sent = clock.Elapsed;
                using var response = await http.PostAsync(url, content).ConfigureAwait(false);
                _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var answered = clock.Elapsed;
                if (sent < start || answered > end)
                {
                    continue;
                }

                mine.Add((answered - sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, failures, measured.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>The value below which a fraction <paramref name="p"/> of the sorted values lie (0 when empty).</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
