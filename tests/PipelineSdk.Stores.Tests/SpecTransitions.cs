namespace PipelineSdk.Stores.Tests;

/// <summary>
/// The transition table of the Python original (python-datacatalog LS/fsm.py), written out here independently of the runtime's
/// table, plus a shortest event path from CREATED to every state.
/// </summary>
internal static class SpecTransitions
{
    private static readonly JobState[] AnyState = Enum.GetValues<JobState>();

    /// <summary>Allowed sources and destination (null: unchanged) of every event.</summary>
    public static readonly IReadOnlyDictionary<JobEvent, (JobState[] Sources, JobState? Destination)> Table =
        new Dictionary<JobEvent, (JobState[], JobState?)>
        {
            [JobEvent.Create] = ([JobState.Created], JobState.Created),
            [JobEvent.Run] = ([JobState.Created, JobState.Running], JobState.Running),
            [JobEvent.Update] = ([JobState.Created, JobState.Running, JobState.Validating, JobState.Indexing], null),
            [JobEvent.Resource] = ([JobState.Created, JobState.Running], null),
            [JobEvent.Fail] = ([JobState.Created, JobState.Running, JobState.Validating, JobState.Indexing], JobState.Failed),
            [JobEvent.Finish] = ([JobState.Running, JobState.Finished], JobState.Finished),
            [JobEvent.Index] = ([JobState.Indexing, JobState.Finished], JobState.Indexing),
            [JobEvent.Indexed] = ([JobState.Finished, JobState.Indexing], JobState.Finished),
            [JobEvent.Validate] = ([JobState.Finished, JobState.Validated], JobState.Validating),
            [JobEvent.Validated] = ([JobState.Validated, JobState.Validating], JobState.Validated),
            [JobEvent.Reject] = ([JobState.Validating], JobState.Rejected),
            [JobEvent.Finalize] = ([JobState.Validated], JobState.Finalized),
            [JobEvent.Retire] = ([JobState.Failed, JobState.Finalized, JobState.Finished, JobState.Rejected, JobState.Validating, JobState.Validated], JobState.Retired),
            [JobEvent.Reset] = (AnyState, JobState.Reset),
            [JobEvent.Ready] = ([JobState.Reset], JobState.Created),
        };

    /// <summary>Events that lead from CREATED to each state.</summary>
    public static readonly IReadOnlyDictionary<JobState, JobEvent[]> PathTo = new Dictionary<JobState, JobEvent[]>
    {
        [JobState.Created] = [],
        [JobState.Running] = [JobEvent.Run],
        [JobState.Failed] = [JobEvent.Fail],
        [JobState.Finished] = [JobEvent.Run, JobEvent.Finish],
        [JobState.Indexing] = [JobEvent.Run, JobEvent.Finish, JobEvent.Index],
        [JobState.Validating] = [JobEvent.Run, JobEvent.Finish, JobEvent.Validate],
        [JobState.Validated] = [JobEvent.Run, JobEvent.Finish, JobEvent.Validate, JobEvent.Validated],
        [JobState.Rejected] = [JobEvent.Run, JobEvent.Finish, JobEvent.Validate, JobEvent.Reject],
        [JobState.Finalized] = [JobEvent.Run, JobEvent.Finish, JobEvent.Validate, JobEvent.Validated, JobEvent.Finalize],
        [JobState.Retired] = [JobEvent.Fail, JobEvent.Retire],
        [JobState.Reset] = [JobEvent.Reset],
    };

    /// <summary>Every (state, event) pair.</summary>
    public static TheoryData<JobState, JobEvent> AllPairs()
    {
        var data = new TheoryData<JobState, JobEvent>();
        foreach (var state in Enum.GetValues<JobState>())
        {
            foreach (var jobEvent in Enum.GetValues<JobEvent>())
            {
                data.Add(state, jobEvent);
            }
        }

        return data;
    }
}
