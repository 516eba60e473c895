using System.Diagnostics;
using System.Globalization;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>
/// Watches for thread-pool starvation during a load run: a 10 ms delay loop whose continuations run on the pool, so
/// their lateness is how long queued work waits for a thread; plus the most threads and queued work items seen.
/// </summary>
public sealed class ThreadPoolProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    private readonly List<double> _latenessMs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _maxThreads;
    private long _maxPending;

    /// <summary>Starts watching.</summary>
    public ThreadPoolProbe()
    {
        _loop = WatchAsync();
    }

    /// <summary>Stops watching and describes what was seen.</summary>
    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var sorted = _latenessMs.Order().ToArray();
        double At(double fraction) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture,
            $"thread pool: 10 ms timer late by p50 {At(0.5):F1} ms, p99 {At(0.99):F1} ms, max {(sorted.Length == 0 ? double.NaN : sorted[^1]):F0} ms; up to {_maxThreads} threads and {_maxPending} queued work items");
    }

    /// <summary>The worst lateness seen, in milliseconds.</summary>
    public double MaxLatenessMs => _latenessMs.Count == 0 ? 0 : _latenessMs.Max();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Task.Delay(Interval, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _latenessMs.Add((Stopwatch.GetElapsedTime(started) - Interval).TotalMilliseconds);
            _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
            _maxPending = Math.Max(_maxPending, ThreadPool.PendingWorkItemCount);
        }
    }
}
