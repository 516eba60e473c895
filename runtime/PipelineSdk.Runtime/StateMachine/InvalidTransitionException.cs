using PipelineSdk.Errors;

namespace PipelineSdk;

/// <summary>An event is not allowed from the job's current state. Nothing was written.</summary>
public sealed class InvalidTransitionException : PipelineJobException
{
    /// <summary>Creates the exception for the refused (state, event) pair.</summary>
    public InvalidTransitionException(JobState state, JobEvent jobEvent)
        : base($"Event '{jobEvent.ToWireName()}' is not allowed from state {state.ToWireName()}.")
    {
        State = state;
        Event = jobEvent;
    }

    /// <summary>The state the job was in.</summary>
    public JobState State { get; }

    /// <summary>The event that was refused.</summary>
    public JobEvent Event { get; }
}
