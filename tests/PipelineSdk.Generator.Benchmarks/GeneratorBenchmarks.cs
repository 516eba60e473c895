using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Benchmarks;

/// <summary>
/// (a) a cold generator run over the canonical schemas plus 50 payload files, (b) the run after one payload file was
/// edited, (c) the run after an unrelated source edit (all cached), and (d) the baseline: NJsonSchema's C# generator
/// over the same 50 payload schemas and the config.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int PayloadFileCount = 50;

    private Schema[] _inputs = [];
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _afterFirstRun = null!;
    private AdditionalText _payloadBefore = null!;
    private AdditionalText _payloadAfter = null!;
    private string[] _baselineSchemas = [];

    /// <summary>Builds the inputs and checks once that the runs measured are the runs meant.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // The canonical schemas with the kinds runtime/PipelineSdk.Runtime.csproj gives them.
        _inputs =
        [
            .. Schema.CanonicalEvents(),
            Schema.Canonical("reactor_config.schema.json", "Config"),
            .. Enumerable.Range(0, PayloadFileCount).Select(PayloadSchemas.PayloadFile),
        ];
        _compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn, "namespace Consumer.Reactor { internal sealed class Handler { } }");
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer.Reactor { internal sealed class Unrelated { public int X => 1; } }", GeneratorHarness.ParseOptions));
        _afterFirstRun = CreateUntrackedDriver(out var texts).RunGenerators(_compilation);
        _payloadBefore = texts.Single(text => text.Path.EndsWith("/payloads17.schema.json", StringComparison.Ordinal));
        _payloadAfter = new InMemoryAdditionalText(
            _payloadBefore.Path,
            _payloadBefore.GetText()!.ToString().Replace("Progress note number 17.", "Progress note seventeen.", StringComparison.Ordinal));
        _baselineSchemas =
        [
            .. Enumerable.Range(0, PayloadFileCount).Select(PayloadSchemas.DataSchema),
            File.ReadAllText(Path.Combine(Schema.CanonicalFolder, "reactor_config.schema.json")),
        ];

        var tracked = GeneratorHarness.CreateDriver(_inputs).RunGenerators(_compilation);
        var first = tracked.GetRunResult();
        var errors = first.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The cold run reports errors:\n" + string.Join("\n", errors));
        }

        var payloadSources = first.GeneratedTrees.Count(tree => tree.FilePath.Contains("payloads", StringComparison.OrdinalIgnoreCase));
        if (payloadSources < PayloadFileCount)
        {
            throw new InvalidOperationException($"Expected a generated source per payload file, found {payloadSources} of {first.GeneratedTrees.Length} sources.");
        }

        StepAssertions.AllCached(tracked.RunGenerators(_edited).GetRunResult());
        var trackedBefore = GeneratorHarness.CreateDriver(_inputs, out var trackedTexts).RunGenerators(_compilation);
        var afterPayloadEdit = trackedBefore
            .ReplaceAdditionalText(trackedTexts.Single(text => text.Path == _payloadBefore.Path), _payloadAfter)
            .RunGenerators(_compilation)
            .GetRunResult();
        var reparsed = StepAssertions.Reasons(afterPayloadEdit, "Parse").Count(reason => reason != IncrementalStepRunReason.Cached);
        if (reparsed != 1)
        {
            throw new InvalidOperationException($"Editing one payload file re-parsed {reparsed} files.");
        }

        var baselineSources = BaselineNJsonSchema().GetAwaiter().GetResult();
        if (baselineSources < _baselineSchemas.Length * 1000)
        {
            throw new InvalidOperationException($"The baseline generated only {baselineSources} characters.");
        }
    }

    /// <summary>(a) A new driver over every input: nothing is cached.</summary>
    [Benchmark]
    public GeneratorDriver ColdGeneratorRun() => CreateUntrackedDriver(out _).RunGenerators(_compilation);

    /// <summary>(b) The driver of a finished run, with one of the 50 payload files edited (its description).</summary>
    [Benchmark]
    public GeneratorDriver RunAfterPayloadEdit() => _afterFirstRun.ReplaceAdditionalText(_payloadBefore, _payloadAfter).RunGenerators(_compilation);

    /// <summary>(c) The driver of a finished run, given the compilation plus one unrelated syntax tree.</summary>
    [Benchmark]
    public GeneratorDriver RunAfterUnrelatedEdit() => _afterFirstRun.RunGenerators(_edited);

    /// <summary>(d) NJsonSchema.CodeGeneration.CSharp: read each schema, generate its classes.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> BaselineNJsonSchema()
    {
        var characters = 0;
        for (var index = 0; index < _baselineSchemas.Length; index++)
        {
            var schema = await JsonSchema.FromJsonAsync(_baselineSchemas[index]);
            var settings = new CSharpGeneratorSettings
            {
                Namespace = "Consumer.Payloads" + index,
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
                GenerateNullableReferenceTypes = true,
            };
            characters += new CSharpGenerator(schema, settings).GenerateFile().Length;
        }

        return characters;
    }

    // Step tracking off, as in the compiler: the setup checks caching with the harness's tracked driver.
    private GeneratorDriver CreateUntrackedDriver(out AdditionalText[] texts)
    {
        texts = [.. _inputs.Select(schema => (AdditionalText)new InMemoryAdditionalText(schema.Path, schema.Text))];
        return CSharpGeneratorDriver.Create(
            [new PipelineGenerator().AsSourceGenerator()],
            texts,
            GeneratorHarness.ParseOptions,
            GeneratorHarness.OptionsFor(_inputs),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
    }
}
