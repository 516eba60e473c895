using Microsoft.CodeAnalysis.Diagnostics;

namespace PipelineSdk.Generator.Model;

/// <summary>Project-wide switches read from MSBuild properties.</summary>
/// <param name="DefaultNamespace">Namespace of generated payload and settings types when a schema names none.</param>
internal sealed record GeneratorOptions(string DefaultNamespace)
{
    public const string FallbackNamespace = "PipelineSdk.Generated";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.PipelineSdkNamespace", out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            return new GeneratorOptions(configured.Trim());
        }

        return options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root)
            ? new GeneratorOptions(root.Trim())
            : new GeneratorOptions(FallbackNamespace);
    }
}
