using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PipelineSdk.Generator.Inputs;

/// <summary>Turns an AdditionalFile and its per-file MSBuild metadata into a <see cref="SchemaDocument"/>.</summary>
internal static class InputClassifier
{
    public const string KindMetadata = "build_metadata.AdditionalFiles.PipelineSdkKind";

    /// <summary>Null for files without the metadata (appsettings.json and the like are never read).</summary>
    public static SchemaDocument? Classify(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(file).TryGetValue(KindMetadata, out var rawKind) || string.IsNullOrWhiteSpace(rawKind))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SchemaDocument(NormalizePath(file.Path), ParseKind(rawKind.Trim()), rawKind.Trim(), text);
    }

    public static string NormalizePath(string path) => path.Replace('\\', '/');

    private static InputKind ParseKind(string rawKind)
    {
        foreach (InputKind kind in new[] { InputKind.Events, InputKind.Config, InputKind.Message, InputKind.Schema })
        {
            if (string.Equals(rawKind, kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return InputKind.Unknown;
    }
}
