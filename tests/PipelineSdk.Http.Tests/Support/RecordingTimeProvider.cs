using System.Collections.Concurrent;

namespace PipelineSdk.Http.Tests.Support;

/// <summary>
/// The system clock, except that timers (the retry back-off waits) run a thousand times faster; the delays that
/// were asked for are recorded unscaled so tests can check the back-off and Retry-After values.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private const double Speedup = 1000;
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> RequestedDelays => _delays.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _delays.Enqueue(dueTime);
        return System.CreateTimer(callback, state, Scale(dueTime), Scale(period));
    }

    private static TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Speedup;
}
