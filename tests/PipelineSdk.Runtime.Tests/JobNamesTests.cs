using PipelineSdk.Errors;

namespace PipelineSdk.Tests;

public class JobNamesTests
{
    [Fact]
    public void Event_names_are_the_fifteen_of_the_original_in_definition_order()
    {
        Assert.Equal(
            new[] { "create", "run", "update", "resource", "fail", "finish", "index", "indexed", "validate", "validated", "finalize", "reject", "retire", "reset", "ready" },
            JobEvents.WireNames);
    }

    [Fact]
    public void State_names_are_the_eleven_of_the_original_in_definition_order()
    {
        Assert.Equal(
            new[] { "CREATED", "RUNNING", "FAILED", "FINISHED", "INDEXING", "VALIDATING", "VALIDATED", "REJECTED", "FINALIZED", "RETIRED", "RESET" },
            JobStates.WireNames);
    }

    [Theory]
    [InlineData("RUN", JobEvent.Run)]
    [InlineData("indexed", JobEvent.Indexed)]
    public void Event_names_parse_ignoring_case(string name, JobEvent expected) => Assert.Equal(expected, JobEvents.Parse(name));

    [Theory]
    [InlineData("updated")]
    [InlineData("delete")]
    [InlineData("1")]
    [InlineData("")]
    public void Unknown_event_names_are_rejected_naming_the_value(string name)
    {
        var error = Assert.Throws<UnknownEventException>(() => JobEvents.Parse(name));
        Assert.Contains($"'{name}'", error.Message);
    }
}
