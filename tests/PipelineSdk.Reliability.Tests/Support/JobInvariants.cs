using PipelineSdk.Jobs;
using PipelineSdk.Stores;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>What must hold for every stored job, whatever happened to it: nothing lost, nothing doubled, nothing forbidden.</summary>
public static class JobInvariants
{
    /// <summary>
    /// Asserts: the history starts with create, its length is <paramref name="acceptedEvents"/> + 1 (when known) and
    /// the revision + 1, no history uuid repeats, and replaying the history through the state machine allows every
    /// step and ends in the stored state.
    /// </summary>
    public static void AssertConsistent(JobSnapshot job, int? acceptedEvents = null)
    {
        Assert.Equal(JobEvent.Create, job.History[0].Name);
        if (acceptedEvents is { } accepted)
        {
            Assert.True(accepted + 1 == job.History.Count, $"job {job.Uuid}: {accepted} events accepted, history has {job.History.Count} entries");
        }

        Assert.True(job.Revision + 1 == job.History.Count, $"job {job.Uuid}: revision {job.Revision}, history {job.History.Count}");
        Assert.True(job.History.Select(h => h.Uuid).Distinct().Count() == job.History.Count, $"job {job.Uuid}: a history uuid repeats");

        var state = JobStateMachine.Initial;
        foreach (var entry in job.History.Skip(1))
        {
            Assert.True(JobStateMachine.CanApply(state, entry.Name), $"job {job.Uuid}: forbidden transition {entry.Name} from {state}");
            state = JobStateMachine.Apply(state, entry.Name);
        }

        Assert.Equal(state, job.State);
        Assert.Equal(job.History[^1].Name, job.LastEvent);
    }
}
