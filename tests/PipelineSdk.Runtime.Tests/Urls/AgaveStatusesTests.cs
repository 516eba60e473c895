using PipelineSdk.Agave;
using PipelineSdk.Urls;

namespace PipelineSdk.Tests.Urls;

public class AgaveStatusesTests
{
    // The Python original (LS/mappings.py AgaveEvents), with UPDATED → update instead of the original's 'updated'.
    [Theory]
    [InlineData("CREATED", JobEvent.Resource)]
    [InlineData("PERMISSION_GRANT", JobEvent.Resource)]
    [InlineData("PERMISSION_REVOKE", JobEvent.Resource)]
    [InlineData("PENDING", JobEvent.Resource)]
    [InlineData("STAGING_INPUTS", JobEvent.Resource)]
    [InlineData("CLEANING_UP", JobEvent.Resource)]
    [InlineData("ARCHIVING", JobEvent.Resource)]
    [InlineData("STAGING_JOB", JobEvent.Resource)]
    [InlineData("PAUSED", JobEvent.Resource)]
    [InlineData("QUEUED", JobEvent.Resource)]
    [InlineData("SUBMITTING", JobEvent.Resource)]
    [InlineData("STAGED", JobEvent.Resource)]
    [InlineData("PROCESSING_INPUTS", JobEvent.Resource)]
    [InlineData("ARCHIVING_FINISHED", JobEvent.Resource)]
    [InlineData("RUNNING", JobEvent.Run)]
    [InlineData("FINISHED", JobEvent.Finish)]
    [InlineData("FAILED", JobEvent.Fail)]
    [InlineData("STOPPED", JobEvent.Fail)]
    [InlineData("DELETED", JobEvent.Fail)]
    [InlineData("ARCHIVING_FAILED", JobEvent.Fail)]
    [InlineData("KILLED", JobEvent.Update)]
    [InlineData("HEARTBEAT", JobEvent.Update)]
    [InlineData("UPDATED", JobEvent.Update)]
    public void Maps_every_status_of_the_spec(string status, JobEvent expected)
    {
        Assert.Equal(expected, AgaveStatuses.ToEvent(status));
        Assert.Equal(expected, AgaveStatuses.ToEvent(status.ToLowerInvariant()));
        Assert.Equal(expected, AgaveStatuses.Mapping[status]);
    }

    [Fact]
    public void The_mapping_lists_exactly_the_23_statuses_of_the_original()
    {
        Assert.Equal(23, AgaveStatuses.Mapping.Count);
        Assert.All(AgaveStatuses.Mapping.Keys, key => Assert.Equal(key.ToUpperInvariant(), key));
    }

    [Fact]
    public void Every_mapped_event_is_a_client_event_so_a_callback_may_send_it() =>
        Assert.All(AgaveStatuses.Mapping.Values, jobEvent => Assert.Equal(EventAccess.Client, JobStateMachine.AccessOf(jobEvent)));

    [Theory]
    [InlineData("Running", JobEvent.Run)]
    [InlineData("fInIsHeD", JobEvent.Finish)]
    public void Ignores_case(string status, JobEvent expected) => Assert.Equal(expected, AgaveStatuses.ToEvent(status));

    [Theory]
    [InlineData("BLOCKED")]
    [InlineData("updated ")]
    [InlineData("")]
    public void Unknown_statuses_map_to_update_as_the_manager_does(string status) =>
        Assert.Equal(JobEvent.Update, AgaveStatuses.ToEvent(status));

    [Fact]
    public void A_null_status_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => AgaveStatuses.ToEvent(null!));
}
