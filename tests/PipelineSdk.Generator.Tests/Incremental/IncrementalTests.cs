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
