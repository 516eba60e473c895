using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PipelineSdk.Jobs;

/// <summary>
/// The SDK's traces and metrics: an <see cref="ActivitySource"/> and a <see cref="Meter"/> both named
/// <see cref="Name"/>. Each job event is one activity (<c>pipelinejob.event</c>) tagged with the job uuid, the event
/// and the resulting state, counted in <c>pipelinesdk.job.events</c> and timed in <c>pipelinesdk.job.event.duration</c>.
/// Tag names follow OpenTelemetry's conventions: the SDK's own attributes under <c>pipelinejobs.</c>, and a failure
/// as <c>error.type</c> (the exception's full type name), absent on success. No tag ever holds a token.
/// </summary>
public static class PipelineSdkTelemetry
{
    /// <summary>The name of the activity source and the meter: subscribe to it with OpenTelemetry or a listener.</summary>
    public const string Name = "PipelineSdk";

    /// <summary>The job's uuid, on each event's activity.</summary>
    public const string JobUuidTag = "pipelinejobs.job.uuid";

    /// <summary>The event's name (<c>run</c>, <c>update</c>, …), on the activity and the metrics.</summary>
    public const string EventNameTag = "pipelinejobs.event.name";

    /// <summary>The job's state after the event, on the activity of an applied event.</summary>
    public const string JobStateTag = "pipelinejobs.job.state";

    /// <summary>OpenTelemetry's failure attribute: the exception's full type name, only when the event failed.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The events sent, tagged <see cref="EventNameTag"/> and, for a failed one, <see cref="ErrorTypeTag"/>.</summary>
    public const string EventCounterName = "pipelinesdk.job.events";

    /// <summary>The time each event took, in seconds, tagged like <see cref="EventCounterName"/>.</summary>
    public const string EventDurationName = "pipelinesdk.job.event.duration";

    internal static ActivitySource Source { get; } = new(Name);

    internal static Meter Meter { get; } = new(Name);

    internal static Counter<long> Events { get; } = Meter.CreateCounter<long>(EventCounterName, "{event}", "PipelineJob events sent.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(EventDurationName, "s", "Time to send one PipelineJob event.");
}
