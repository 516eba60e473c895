using Microsoft.CodeAnalysis;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Diagnostics;

/// <summary>
/// An equatable description of a diagnostic (Roslyn's <see cref="Diagnostic"/> has no value equality, roslyn#68291).
/// </summary>
/// <param name="Id">The descriptor id, e.g. PSDK1002.</param>
/// <param name="Span">Where in the JSON file, or null for a project-wide diagnostic.</param>
/// <param name="Args">The message arguments.</param>
internal sealed record DiagnosticInfo(string Id, SourceSpan? Span, EquatableArray<string> Args)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan? span, params string[] args) =>
        new(descriptor.Id, span, args.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var location = Span?.ToLocation() ?? Location.None;
        var args = new object[Args.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Args[i];
        }

        return Diagnostic.Create(descriptor, location, args);
    }
}
