using PipelineSdk.Errors;

namespace PipelineSdk.Tests.StateMachine;

public class JobStateMachineTests
{
    // Computed independently with python3-transitions 0.9.0 (Debian): /tmp/core-tokens/fsm_grid.py builds the original
    // Machine from the table of the Python original (LS/fsm.py at python-datacatalog 51ab3666) with auto_transitions=False, fires
    // every event from every state, and prints the resulting state, or '-' where transitions raised MachineError.
    private const string GridHeader =
        "state      create     run        update     resource   fail       finish     index      indexed    validate   validated  finalize   reject     retire     reset      ready";

    private static readonly string[] Grid =
    [
        "CREATED    CREATED    RUNNING    CREATED    CREATED    FAILED     -          -          -          -          -          -          -          -          RESET      -",
        "RUNNING    -          RUNNING    RUNNING    RUNNING    FAILED     FINISHED   -          -          -          -          -          -          -          RESET      -",
        "FAILED     -          -          -          -          -          -          -          -          -          -          -          -          RETIRED    RESET      -",
        "FINISHED   -          -          -          -          -          FINISHED   INDEXING   FINISHED   VALIDATING -          -          -          RETIRED    RESET      -",
        "INDEXING   -          -          INDEXING   -          FAILED     -          INDEXING   FINISHED   -          -          -          -          -          RESET      -",
        "VALIDATING -          -          VALIDATING -          FAILED     -          -          -          -          VALIDATED  -          REJECTED   RETIRED    RESET      -",
        "VALIDATED  -          -          -          -          -          -          -          -          VALIDATING VALIDATED  FINALIZED  -          RETIRED    RESET      -",
        "REJECTED   -          -          -          -          -          -          -          -          -          -          -          -          RETIRED    RESET      -",
        "FINALIZED  -          -          -          -          -          -          -          -          -          -          -          -          RETIRED    RESET      -",
        "RETIRED    -          -          -          -          -          -          -          -          -          -          -          -          -          RESET      -",
        "RESET      -          -          -          -          -          -          -          -          -          -          -          -          -          RESET      CREATED",
    ];

    /// <summary>Every (state, event) pair of the 11×15 grid with the original's outcome: a state name or "-".</summary>
    public static TheoryData<string, string, string> Pairs()
    {
        var events = GridHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        var pairs = new TheoryData<string, string, string>();
        foreach (var row in Grid)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < events.Length; i++)
            {
                pairs.Add(cells[0], events[i], cells[i + 1]);
            }
        }

        return pairs;
    }

    [Fact]
    public void The_grid_covers_every_state_and_every_event_exactly_once()
    {
        var header = GridHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(JobEvents.WireNames, header[1..]);
        Assert.Equal(JobStates.WireNames, Grid.Select(row => row.Split(' ')[0]));
        Assert.All(Grid, row => Assert.Equal(16, row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal(165, Pairs().Count);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_pair_behaves_as_the_original_machine(string stateName, string eventName, string outcome)
    {
        var state = JobStates.Parse(stateName);
        var jobEvent = JobEvents.Parse(eventName);

        if (outcome == "-")
        {
            Assert.False(JobStateMachine.CanApply(state, jobEvent));
            var error = Assert.Throws<InvalidTransitionException>(() => JobStateMachine.Apply(state, jobEvent));
            Assert.Equal(state, error.State);
            Assert.Equal(jobEvent, error.Event);
            Assert.Contains(stateName, error.Message, StringComparison.Ordinal);
            Assert.Contains($"'{eventName}'", error.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidTransitionException>(() => JobStateMachine.Apply(state, eventName));
        }
        else
        {
            Assert.True(JobStateMachine.CanApply(state, jobEvent));
            Assert.Equal(JobStates.Parse(outcome), JobStateMachine.Apply(state, jobEvent));
            Assert.Equal(JobStates.Parse(outcome), JobStateMachine.Apply(state, eventName.ToUpperInvariant()));
        }
    }

    [Fact]
    public void A_new_job_starts_in_created() => Assert.Equal(JobState.Created, JobStateMachine.Initial);

    [Theory]
    [InlineData(JobEvent.Create, EventAccess.Internal)]
    [InlineData(JobEvent.Run, EventAccess.Client)]
    [InlineData(JobEvent.Update, EventAccess.Client)]
    [InlineData(JobEvent.Resource, EventAccess.Client)]
    [InlineData(JobEvent.Fail, EventAccess.Client)]
    [InlineData(JobEvent.Finish, EventAccess.Client)]
    [InlineData(JobEvent.Index, EventAccess.Indexer)]
    [InlineData(JobEvent.Indexed, EventAccess.Indexer)]
    [InlineData(JobEvent.Validate, EventAccess.Client)]
    [InlineData(JobEvent.Validated, EventAccess.Client)]
    [InlineData(JobEvent.Finalize, EventAccess.Client)]
    [InlineData(JobEvent.Reject, EventAccess.Client)]
    [InlineData(JobEvent.Retire, EventAccess.Client)]
    [InlineData(JobEvent.Reset, EventAccess.Admin)]
    [InlineData(JobEvent.Ready, EventAccess.Admin)]
    public void Each_event_has_its_access_class(JobEvent jobEvent, EventAccess access) =>
        Assert.Equal(access, JobStateMachine.AccessOf(jobEvent));

    [Fact]
    public void Only_update_and_resource_leave_the_state_as_it_is()
    {
        var unchanged = Enum.GetValues<JobEvent>().Where(e => !JobStateMachine.ChangesState(e));
        Assert.Equal([JobEvent.Update, JobEvent.Resource], unchanged);
        Assert.Null(JobStateMachine.DestinationOf(JobEvent.Update));
        Assert.Null(JobStateMachine.DestinationOf(JobEvent.Resource));
        Assert.Equal(JobState.Running, JobStateMachine.DestinationOf(JobEvent.Run));
    }

    [Fact]
    public void Reset_is_allowed_from_every_state_and_ready_only_from_reset()
    {
        Assert.Equal(Enum.GetValues<JobState>(), JobStateMachine.SourcesOf(JobEvent.Reset));
        Assert.Equal([JobState.Reset], JobStateMachine.SourcesOf(JobEvent.Ready));
    }

    [Fact]
    public void The_sources_cannot_be_altered_through_the_returned_list()
    {
        foreach (var jobEvent in Enum.GetValues<JobEvent>())
        {
            var sources = JobStateMachine.SourcesOf(jobEvent);
            Assert.False(sources is JobState[], $"{jobEvent} exposes its array");
            Assert.True(((ICollection<JobState>)sources).IsReadOnly, $"{jobEvent} sources are writable");
        }
    }

    [Theory]
    [InlineData("updated")]
    [InlineData("delete")]
    [InlineData("purge")]
    [InlineData("")]
    [InlineData("run ")]
    public void Unknown_event_names_are_refused_naming_the_name(string name)
    {
        var error = Assert.Throws<UnknownEventException>(() => JobStateMachine.Apply(JobState.Running, name));
        Assert.Equal(name, error.Name);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_event_name_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => JobStateMachine.Apply(JobState.Created, (string)null!));

    [Fact]
    public void Undefined_enum_values_are_argument_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobStateMachine.Apply((JobState)99, JobEvent.Run));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobStateMachine.Apply(JobState.Created, (JobEvent)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobStateMachine.AccessOf((JobEvent)(-1)));
    }
}
