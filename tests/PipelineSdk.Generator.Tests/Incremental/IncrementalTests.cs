using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Incremental;

/// <summary>Caching behaviour of the pipeline (trackIncrementalGeneratorSteps).</summary>
public sealed class IncrementalTests
{
    private static Schema[] AllInputs() =>
    [
        .. Schema.CanonicalEvents(),
        Schema.Canonical("reactor_config.schema.json", "Config"),
        Schema.Test("progress.schema.json", "Events"),
        Schema.Test("other_progress.schema.json", "Events"),
        Schema.Test("shared.schema.json", "Schema"),
        Schema.Test("message.jsonschema", "Message", "/project/"),
    ];

    [Fact]
    public void Every_stage_is_tracked()
    {
        var run = GeneratorHarness.CreateDriver(AllInputs()).RunGenerators(GeneratorHarness.CreateCompilation(Runtime.StandIn)).GetRunResult();

        var tracked = run.Results.Single().TrackedSteps.Keys.ToHashSet();
        Assert.All(StepAssertions.TrackingNames, name => Assert.Contains(name, tracked));
    }

    [Fact]
    public void Identical_rerun_is_all_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn, "class A { }");
        var driver = GeneratorHarness.CreateDriver(AllInputs()).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult();

        StepAssertions.AllCached(second);
    }

    [Fact]
    public void Unrelated_source_edit_is_all_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn, "class A { }");
        var driver = GeneratorHarness.CreateDriver(AllInputs()).RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("class A { int X => 1; }", GeneratorHarness.ParseOptions));

        var second = driver.RunGenerators(edited).GetRunResult();

        StepAssertions.AllCached(second);
    }

    [Fact]
    public void Reordering_additional_files_changes_nothing()
    {
        var inputs = AllInputs();
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn);
        var driver = GeneratorHarness.CreateDriver(inputs, out var texts).RunGenerators(compilation);
        var reversed = inputs.Reverse().Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToArray();

        var second = driver
            .RemoveAdditionalTexts([.. texts])
            .AddAdditionalTexts([.. reversed])
            .RunGenerators(compilation)
            .GetRunResult();

        foreach (var output in second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
    }

    [Fact]
    public void Editing_one_payload_schema_regenerates_only_its_payload_file()
    {
        var inputs = AllInputs();
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn);
        var driver = GeneratorHarness.CreateDriver(inputs, out var texts).RunGenerators(compilation);
        var progress = inputs.Single(s => s.Path.EndsWith("/progress.schema.json", StringComparison.Ordinal));
        var oldText = texts.Single(t => t.Path == progress.Path);
        var newText = new InMemoryAdditionalText(progress.Path, progress.Text.Replace("\"maximum\": 100", "\"maximum\": 99"));

        var second = driver.ReplaceAdditionalText(oldText, newText).RunGenerators(compilation).GetRunResult();

        Assert.Equal(
            [IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged],
            StepAssertions.Reasons(second, "PayloadSets").Order());
        Assert.All(StepAssertions.Reasons(second, "StateMachines"), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(StepAssertions.Reasons(second, "Configs"), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
    }

    [Fact]
    public void Editing_one_of_50_payload_files_reads_and_parses_only_that_file()
    {
        Schema[] inputs =
        [
            .. Schema.CanonicalEvents(),
            Schema.Canonical("reactor_config.schema.json", "Config"),
            .. Enumerable.Range(0, 50).Select(PayloadSchemas.PayloadFile),
        ];
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn);
        var driver = GeneratorHarness.CreateDriver(inputs, out var texts).RunGenerators(compilation);
        var edited = inputs.Single(s => s.Path.EndsWith("/payloads17.schema.json", StringComparison.Ordinal));
        var oldText = texts.Single(t => t.Path == edited.Path);
        var newText = new InMemoryAdditionalText(edited.Path, edited.Text.Replace("Progress note number 17.", "Progress note seventeen.", StringComparison.Ordinal));

        var second = driver.ReplaceAdditionalText(oldText, newText).RunGenerators(compilation).GetRunResult();

        var parses = ParseReasons(second);
        Assert.Equal(52, parses.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, parses[edited.Path]);
        Assert.All(parses.Where(p => p.Key != edited.Path), p => Assert.Equal(IncrementalStepRunReason.Cached, p.Value));
        Assert.Single(StepAssertions.Reasons(second, "Read"), r => r != IncrementalStepRunReason.Cached);
        var payloadSets = StepAssertions.Reasons(second, "PayloadSets");
        Assert.Equal(50, payloadSets.Count);
        Assert.Single(payloadSets, r => r == IncrementalStepRunReason.Modified);
        Assert.Equal(49, payloadSets.Count(r => r == IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void Editing_a_shared_schema_reparses_the_files_that_reference_it_and_no_other()
    {
        var inputs = AllInputs();
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn);
        var driver = GeneratorHarness.CreateDriver(inputs, out var texts).RunGenerators(compilation);
        var shared = inputs.Single(s => s.Path.EndsWith("/shared.schema.json", StringComparison.Ordinal));
        var oldText = texts.Single(t => t.Path == shared.Path);
        var newText = new InMemoryAdditionalText(shared.Path, shared.Text + "\n");

        var second = driver.ReplaceAdditionalText(oldText, newText).RunGenerators(compilation).GetRunResult();

        var parses = ParseReasons(second);
        var dependants = inputs.Where(s => s.Kind != "Schema" && s.Text.Contains("shared.schema.json", StringComparison.Ordinal)).Select(s => s.Path).ToList();
        Assert.NotEmpty(dependants);
        // Re-run (Modified or Unchanged) for the dependants only; the others are not even re-run.
        Assert.All(parses, p => Assert.Equal(dependants.Contains(p.Key), p.Value != IncrementalStepRunReason.Cached));
    }

    /// <summary>The reason of each file's parse step, by the file's path.</summary>
    private static Dictionary<string, IncrementalStepRunReason> ParseReasons(GeneratorDriverRunResult run) =>
        run.Results.Single().TrackedSteps["Parse"]
            .SelectMany(step => step.Outputs)
            .ToDictionary(output => ((PipelineSdk.Generator.Model.ParsedFile)output.Value).Path, output => output.Reason);

    [Fact]
    public void Editing_the_config_schema_regenerates_only_the_binder()
    {
        var inputs = AllInputs();
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn);
        var driver = GeneratorHarness.CreateDriver(inputs, out var texts).RunGenerators(compilation);
        var config = inputs.Single(s => s.Kind == "Config");
        var oldText = texts.Single(t => t.Path == config.Path);
        var newText = new InMemoryAdditionalText(config.Path, config.Text.Replace("\"default\": 27017", "\"default\": 27018"));

        var second = driver.ReplaceAdditionalText(oldText, newText).RunGenerators(compilation).GetRunResult();

        Assert.Equal([IncrementalStepRunReason.Modified], StepAssertions.Reasons(second, "Configs"));
        Assert.All(StepAssertions.Reasons(second, "PayloadSets"), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(StepAssertions.Reasons(second, "StateMachines"), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
    }

    [Fact]
    public void No_step_output_holds_compilation_symbols_syntax_locations_or_files()
    {
        var run = GeneratorHarness.CreateDriver(AllInputs()).RunGenerators(GeneratorHarness.CreateCompilation(Runtime.StandIn)).GetRunResult();

        StepAssertions.NoBannedObjects(run);
    }
}
