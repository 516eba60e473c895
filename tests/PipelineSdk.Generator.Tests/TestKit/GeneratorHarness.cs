using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PipelineSdk.Generator.Tests.TestKit;

/// <summary>What the generated code is compiled against.</summary>
public enum Runtime
{
    /// <summary>The hand-written stand-in (needed while the runtime still has hand-written enums).</summary>
    StandIn,
    /// <summary>The real PipelineSdk.Runtime assembly.</summary>
    Assembly,
}

/// <summary>Runs the generator with in-memory AdditionalFiles and per-file metadata, as the compiler would.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))]);

    public static CSharpCompilation CreateCompilation(Runtime runtime, params string[] sources)
    {
        var references = FrameworkReferences.Value
            .Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location));
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)).ToList();
        if (runtime == Runtime.Assembly)
        {
            references = references.Add(MetadataReference.CreateFromFile(typeof(PipelineSdk.Stores.JobSnapshot).Assembly.Location));
        }
        else
        {
            trees.Add(CSharpSyntaxTree.ParseText(RuntimeStandIn.Source, ParseOptions, path: "RuntimeStandIn.cs"));
        }

        return CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
    }

    public static GeneratorDriver CreateDriver(IEnumerable<Schema> schemas, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        CreateDriver(schemas, out _, globalOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<Schema> schemas, out AdditionalText[] texts, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var list = schemas.ToList();
        texts = [.. list.Select(schema => (AdditionalText)new InMemoryAdditionalText(schema.Path, schema.Text))];
        return CSharpGeneratorDriver.Create(
            [new PipelineGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            OptionsFor(list, globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static DictionaryOptionsProvider OptionsFor(IEnumerable<Schema> schemas, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        new(
            globalOptions ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer.Reactor" },
            schemas.ToDictionary(
                schema => schema.Path,
                schema => (IReadOnlyDictionary<string, string>)(schema.Id is null
                    ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.PipelineSdkKind"] = schema.Kind }
                    : new Dictionary<string, string> { ["build_metadata.AdditionalFiles.PipelineSdkKind"] = schema.Kind, ["build_metadata.AdditionalFiles.PipelineSdkSchemaId"] = schema.Id })));

    /// <summary>The compile problems of one statement using <c>job</c> (a JobEventSender) against the generated code.</summary>
    public static ImmutableArray<Diagnostic> CompileCall(IEnumerable<Schema> schemas, string statement) =>
        Run(schemas, Runtime.StandIn, $$"""
            namespace Consumer.Reactor
            {
                internal static class Misuse
                {
                    public static async System.Threading.Tasks.Task Send(PipelineSdk.Jobs.JobEventSender job)
                    {
                        {{statement}}
                    }
                }
            }
            """).CompileProblems;

    public static GeneratorRun Run(IEnumerable<Schema> schemas, Runtime runtime = Runtime.StandIn, params string[] sources)
    {
        var compilation = CreateCompilation(runtime, sources);
        var driver = CreateDriver(schemas).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver.GetRunResult(), output);
    }
}

/// <summary>One generator run: its result and the compilation with the generated sources added.</summary>
public sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output)
{
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Warnings and errors of the compilation that includes the generated code.</summary>
    public ImmutableArray<Diagnostic> CompileProblems =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public IReadOnlyList<string> HintNames => [.. Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName)];

    public string Source(string hintName) =>
        Result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Emits and loads the compiled code (collectible), for behaviour tests of generated members.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }
}
