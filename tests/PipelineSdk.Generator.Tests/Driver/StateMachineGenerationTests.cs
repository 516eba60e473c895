using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Driver;

/// <summary>The canonical event schema, compiled as the runtime compiles it.</summary>
public sealed class StateMachineGenerationTests
{
    // Built with Python 3.11 `transitions` (Machine with auto_transitions=False, get_triggers per state) from the
    // canonical schemas, see /tmp/fsm_table.py in the generator branch's report: event → (sources in state order,
    // destination, access).
    private static readonly Dictionary<string, (string Sources, string? Destination, string Access)> ExpectedTable = new()
    {
        ["Create"] = ("Created", "Created", "Internal"),
        ["Run"] = ("Created,Running", "Running", "Client"),
        ["Update"] = ("Created,Running,Indexing,Validating", null, "Client"),
        ["Resource"] = ("Created,Running", null, "Client"),
        ["Fail"] = ("Created,Running,Indexing,Validating", "Failed", "Client"),
        ["Finish"] = ("Running,Finished", "Finished", "Client"),
        ["Index"] = ("Finished,Indexing", "Indexing", "Indexer"),
        ["Indexed"] = ("Finished,Indexing", "Finished", "Indexer"),
        ["Validate"] = ("Finished,Validated", "Validating", "Client"),
        ["Validated"] = ("Validating,Validated", "Validated", "Client"),
        ["Finalize"] = ("Validated", "Finalized", "Client"),
        ["Reject"] = ("Validating", "Rejected", "Client"),
        ["Retire"] = ("Failed,Finished,Validating,Validated,Rejected,Finalized", "Retired", "Client"),
        ["Reset"] = ("Created,Running,Failed,Finished,Indexing,Validating,Validated,Rejected,Finalized,Retired,Reset", "Reset", "Admin"),
        ["Ready"] = ("Reset", "Created", "Admin"),
    };

    private static readonly Lazy<GeneratorRun> Canonical = new(() => GeneratorHarness.Run(Schema.CanonicalEvents()));

    [Fact]
    public void Generated_code_compiles_without_any_warning()
    {
        var run = Canonical.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        Assert.Equal(
            ["PipelineSdk.JobState.g.cs", "PipelineSdk.JobEvent.g.cs", "PipelineSdk.JobTransitions.g.cs", "PipelineSdk.Jobs.JobEventSender.g.cs"],
            run.HintNames);
    }

    [Fact]
    public void Enums_have_the_hand_written_runtime_members_in_the_same_order()
    {
        var assembly = Canonical.Value.Load();

        Assert.Equal(Enum.GetNames<JobState>(), Enum.GetNames(assembly.GetType("PipelineSdk.JobState")!));
        Assert.Equal(Enum.GetNames<JobEvent>(), Enum.GetNames(assembly.GetType("PipelineSdk.JobEvent")!));
    }

    [Fact]
    public void Transition_table_matches_the_independently_built_state_machine()
    {
        var assembly = Canonical.Value.Load();
        var transitions = assembly.GetType("PipelineSdk.JobTransitions")!;
        var eventType = assembly.GetType("PipelineSdk.JobEvent")!;

        Assert.Equal("Created", Property(transitions, "Initial").ToString());
        foreach (var (name, (sources, destination, access)) in ExpectedTable)
        {
            var jobEvent = Enum.Parse(eventType, name);
            var actualSources = ((IEnumerable)Call(transitions, "SourcesOf", jobEvent)!).Cast<object>().Select(s => s.ToString());
            // transitions reports triggers per state, so compare as sets; the order is the schema's (checked by the snapshot).
            Assert.Equal(sources.Split(',').Order(), actualSources.Order());
            Assert.Equal(destination, Call(transitions, "DestinationOf", jobEvent)?.ToString());
            Assert.Equal(access, Call(transitions, "AccessOf", jobEvent)!.ToString());
        }
    }

    [Fact]
    public async Task Typed_methods_send_their_event_with_data_and_admin_token()
    {
        var run = GeneratorHarness.Run(Schema.CanonicalEvents(), Runtime.StandIn, """
            namespace Consumer;
            internal static class Calls
            {
                public static async System.Threading.Tasks.Task<object[]> SendAll()
                {
                    var sender = new PipelineSdk.Jobs.RecordingSender();
                    var run = await sender.RunAsync();
                    var update = await sender.UpdateAsync(new System.Text.Json.Nodes.JsonObject { ["percent"] = 40 });
                    var reset = await sender.ResetAsync(new PipelineSdk.Tokens.AdminToken("k"));
                    return new object[] { run.LastEvent, run.Data is null, update.LastEvent, update.Data!.ToJsonString(), reset.LastEvent, reset.AdminToken!.Value };
                }
            }
            """);
        Assert.Empty(run.CompileProblems);

        var sendAll = run.Load().GetType("Consumer.Calls")!.GetMethod("SendAll")!;
        var results = await (Task<object[]>)sendAll.Invoke(null, null)!;

        Assert.Equal(["Run", "True", "Update", """{"percent":40}""", "Reset", "k"], results.Select(r => r.ToString()));
    }

    [Fact]
    public void Every_event_but_create_has_one_typed_method_with_cancellation_last()
    {
        var sender = Canonical.Value.Load().GetType("PipelineSdk.Jobs.JobEventSender")!;
        var methods = sender.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        Assert.Equal(
            ["RunAsync", "UpdateAsync", "ResourceAsync", "FailAsync", "FinishAsync", "IndexAsync", "IndexedAsync", "ValidateAsync",
             "ValidatedAsync", "FinalizeAsync", "RejectAsync", "RetireAsync", "ResetAsync", "ReadyAsync"],
            methods.Select(m => m.Name));
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            Assert.Equal(typeof(CancellationToken), parameters[^1].ParameterType);
            Assert.Equal(typeof(JsonObject), parameters[^2].ParameterType);
            var admin = method.Name is "ResetAsync" or "ReadyAsync";
            Assert.Equal(admin ? 3 : 2, parameters.Length);
            if (admin)
            {
                Assert.Equal("AdminToken", parameters[0].ParameterType.Name);
                Assert.False(parameters[0].HasDefaultValue);
            }
        }
    }

    [Theory]
    [InlineData("await job.ResetAsync();", "CS7036")]
    [InlineData("await job.ReadyAsync(data: null);", "CS7036")]
    [InlineData("await job.CreateAsync();", "CS1061")]
    [InlineData("await job.LaunchAsync();", "CS1061")]
    public void Misuse_does_not_compile(string call, string expectedError)
    {
        Assert.Contains(GeneratorHarness.CompileCall(Schema.CanonicalEvents(), call), d => d.Id == expectedError);
    }

    [Theory]
    [InlineData("PipelineSdk.JobState.g.cs")]
    [InlineData("PipelineSdk.JobEvent.g.cs")]
    [InlineData("PipelineSdk.JobTransitions.g.cs")]
    [InlineData("PipelineSdk.Jobs.JobEventSender.g.cs")]
    public void Generated_source_matches_its_snapshot(string hintName) =>
        Snapshot.Match("Canonical." + hintName, Canonical.Value.Source(hintName));

    private static object Property(Type type, string name) => type.GetProperty(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static object? Call(Type type, string name, object argument) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [argument]);
}
