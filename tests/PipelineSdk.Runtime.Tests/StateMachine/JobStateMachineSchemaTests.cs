using System.Text.Json;

namespace PipelineSdk.Tests.StateMachine;

/// <summary>
/// The schema's <c>x-pipelinejob-fsm</c> is the single source of truth for the state machine: these tests fail as soon
/// as the code's table and the schema disagree.
/// </summary>
public class JobStateMachineSchemaTests
{
    private static JsonElement LoadSchema(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "schemas", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static readonly JsonElement EventSchema = LoadSchema("pipelinejob_eventname.schema.json");
    private static readonly JsonElement StateSchema = LoadSchema("pipelinejob_statename.schema.json");
    private static readonly JsonElement Fsm = EventSchema.GetProperty("x-pipelinejob-fsm");

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToArray();

    [Fact]
    public void Event_and_state_names_match_the_schemas()
    {
        Assert.Equal(Strings(EventSchema.GetProperty("enum")), JobEvents.WireNames);
        Assert.Equal(Strings(StateSchema.GetProperty("enum")), JobStates.WireNames);
        Assert.Equal("pipelinejob_statename.schema.json", Fsm.GetProperty("states").GetProperty("$ref").GetString());
    }

    [Fact]
    public void The_initial_state_matches_the_schema() =>
        Assert.Equal(Fsm.GetProperty("initial").GetString(), JobStateMachine.Initial.ToWireName());

    [Fact]
    public void The_schema_has_one_transition_per_event()
    {
        var names = Fsm.GetProperty("transitions").EnumerateObject().Select(property => property.Name);
        Assert.Equal(JobEvents.WireNames, names);
    }

    public static TheoryData<string> EventNames() => new(JobEvents.WireNames);

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Each_transition_matches_the_schema(string eventName)
    {
        var jobEvent = JobEvents.Parse(eventName);
        var transition = Fsm.GetProperty("transitions").GetProperty(eventName);
        var anyState = Fsm.GetProperty("anyState").GetString();

        var from = Strings(transition.GetProperty("from"));
        var expectedSources = from.SequenceEqual([anyState]) ? Strings(StateSchema.GetProperty("enum")) : from;
        Assert.Equal(expectedSources, JobStateMachine.SourcesOf(jobEvent).Select(state => state.ToWireName()));

        var to = transition.GetProperty("to");
        var expectedDestination = to.ValueKind == JsonValueKind.Null ? null : to.GetString();
        Assert.Equal(expectedDestination, JobStateMachine.DestinationOf(jobEvent)?.ToWireName());

        var access = transition.GetProperty("access").GetString();
        Assert.Equal(access, JobStateMachine.AccessOf(jobEvent).ToString().ToLowerInvariant());
    }

    [Fact]
    public void Every_access_class_is_documented_in_the_schema()
    {
        var documented = Fsm.GetProperty("access").EnumerateObject().Select(property => property.Name);
        Assert.Equal(Enum.GetNames<EventAccess>().Select(name => name.ToLowerInvariant()), documented);
    }
}
