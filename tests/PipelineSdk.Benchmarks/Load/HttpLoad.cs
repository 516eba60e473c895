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
    /// <summary>Requests per second over the measured window.</summary>
    public double PerSecond => Requests / Seconds;

    /// <summary>The result of measured windows taken together: their latencies pooled, their times added.</summary>
    public static LoadResult Of(IReadOnlyCollection<LoadSlice> slices)
    {
        var all = slices.SelectMany(s => s.Latencies).Order().ToArray();
        return new LoadResult(all.Length, slices.Sum(s => s.Failures), slices.Sum(s => s.Seconds), Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values (nearest rank).</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>One measured window: the latency of every request answered inside it (ms), and the answers other than 200.</summary>
public sealed record LoadSlice(List<double> Latencies, long Failures, double Seconds);

/// <summary>
/// A closed-loop HTTP load on one URL: a fixed number of connections, each sending its next POST as soon as the
/// previous answer is read. The connections stay open between runs, so runs on two URLs can take turns.
/// </summary>
public sealed class HttpLoad(Uri url, Func<long, byte[]> body, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    private long _sequence = -1;

    /// <summary>Sends for <paramref name="warmup"/> plus <paramref name="measured"/>; only requests sent and answered inside the second window count.</summary>
    public Task<LoadSlice> RunAsync(TimeSpan warmup, TimeSpan measured) => ClosedLoop.RunAsync(connections, async _ =>
    {
        // The body sequence goes on across runs, so turns on two URLs keep the round robin of jobs.
        using var content = new ByteArrayContent(body(Interlocked.Increment(ref _sequence)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(url, content).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }, warmup, measured);

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _http.Dispose();
}
