using Microsoft.CodeAnalysis;

namespace PipelineSdk.Generator;

/// <summary>
/// Reads the PipelineJobs JSON schemas given as AdditionalFiles and emits typed event methods,
/// payload records and configuration binders. The pipeline is wired in a later change.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PipelineGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
