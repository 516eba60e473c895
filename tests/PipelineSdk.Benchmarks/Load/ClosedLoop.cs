using System.Diagnostics;

namespace PipelineSdk.Benchmarks.Load;

/// <summary>A closed-loop load: a fixed number of clients, each sending its next request as soon as the previous one is answered.</summary>
public static class ClosedLoop
{
    /// <summary>
    /// Sends for <paramref name="warmup"/> plus <paramref name="measured"/>; only requests sent and answered inside the
    /// second window count. <paramref name="send"/> gets the request's sequence number and says whether it succeeded.
    /// </summary>
    public static async Task<LoadSlice> RunAsync(int clients, Func<long, Task<bool>> send, TimeSpan warmup, TimeSpan measured)
    {
        long sequence = -1;
        long failures = 0;
        var clock = Stopwatch.StartNew();
        var end = warmup + measured;
        var latencies = new List<double>[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (clock.Elapsed < end)
            {
                var sent = clock.Elapsed;
                var succeeded = await send(Interlocked.Increment(ref sequence)).ConfigureAwait(false);
                var answered = clock.Elapsed;
                if (sent < warmup || answered > end)
                {
                    continue;
                }

                mine.Add((answered - sent).TotalMilliseconds);
                if (!succeeded)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));

        return new LoadSlice([.. latencies.SelectMany(l => l)], failures, measured.TotalSeconds);
    }
}
