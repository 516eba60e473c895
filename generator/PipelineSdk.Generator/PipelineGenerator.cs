using Microsoft.CodeAnalysis;
using PipelineSdk.Generator.Emit;
using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Parsing;
using PipelineSdk.Generator.References;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator;

/// <summary>
/// Reads the PipelineJobs JSON schemas given as AdditionalFiles (metadata <c>PipelineSdkKind</c>) and emits the state
/// machine, typed event methods, payload records, configuration binders and message records. Wiring only; the work is in Parsing/ and
/// Emit/. Sources come from equatable specs and diagnostics from their own output, so a diagnostic's position change
/// never regenerates code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PipelineGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var documents = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => InputClassifier.Classify(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Classify)
            .Where(static document => document is not null)
            .Select(static (document, _) => document!)
            .WithTrackingName(TrackingNames.Documents);

        // Each file is read once per text; its references are summarised cheaply, and its parse depends only on the
        // files of its reference closure, so an edit re-parses the edited file and the files that depend on it.
        var files = documents
            .Select(static (document, cancellationToken) => JsonFile.Read(document, cancellationToken))
            .WithTrackingName(TrackingNames.Read);

        var referenceIndex = files
            .Select(static (file, _) => FileReferences.Of(file))
            .WithTrackingName(TrackingNames.References)
            .Collect()
            .Select(static (all, _) => ReferenceIndex.Create(all))
            .WithTrackingName(TrackingNames.ReferenceIndex);

        var library = files
            .Collect()
            .Select(static (all, _) => FileSet.Create(all))
            .WithTrackingName(TrackingNames.Library);

        var parsed = files
            .Where(static file => file.Document.Kind != InputKind.Schema)
            .Combine(referenceIndex)
            .Combine(library)
            .Combine(options)
            .Select(static (input, _) => ParseInput.Create(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Closure)
            .Select(static (input, cancellationToken) => FileParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var model = parsed
            .Collect()
            .Select(static (files, cancellationToken) => ModelResolver.Resolve(files, cancellationToken))
            .WithTrackingName(TrackingNames.Resolve);

        var stateMachines = model.SelectMany(static (m, _) => m.StateMachines).WithTrackingName(TrackingNames.StateMachines);
        context.RegisterSourceOutput(stateMachines, static (spc, spec) => AddAll(spc, StateMachineEmitter.Emit(spec)));

        var payloadSets = model.SelectMany(static (m, _) => m.PayloadSets).WithTrackingName(TrackingNames.PayloadSets);
        context.RegisterSourceOutput(payloadSets, static (spc, spec) => AddAll(spc, PayloadEmitter.Emit(spec)));

        var configs = model.SelectMany(static (m, _) => m.Configs).WithTrackingName(TrackingNames.Configs);
        context.RegisterSourceOutput(configs, static (spc, spec) => AddAll(spc, ConfigEmitter.Emit(spec)));

        var messages = model.SelectMany(static (m, _) => m.Messages).WithTrackingName(TrackingNames.Messages);
        context.RegisterSourceOutput(messages, static (spc, spec) => AddAll(spc, MessageEmitter.Emit(spec)));

        var diagnostics = model.Select(static (m, _) => m.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, all) =>
        {
            foreach (var diagnostic in all)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static void AddAll(SourceProductionContext context, System.Collections.Generic.IEnumerable<GeneratedFile> files)
    {
        foreach (var file in files)
        {
            context.AddSource(file.HintName, file.Text);
        }
    }
}
