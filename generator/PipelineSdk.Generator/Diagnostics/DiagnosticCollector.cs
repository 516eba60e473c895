using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Diagnostics;

/// <summary>
/// Gathers the diagnostics of one parse as (file, JSON pointer) pairs and turns them into located
/// <see cref="DiagnosticInfo"/>s at the end, from the line information of the file's tree.
/// The first message argument is always the file's name.
/// </summary>
internal sealed class DiagnosticCollector
{
    private readonly List<(DiagnosticDescriptor Descriptor, string Path, string? Pointer, SourceSpan? Span, string[] Args)> _pending = new();

    public bool HasErrors { get; private set; }

    /// <summary>Reports at a JSON pointer of a file.</summary>
    public void Report(DiagnosticDescriptor descriptor, string path, string pointer, params string[] args) =>
        Add(descriptor, path, pointer, null, args);

    /// <summary>Reports at a known place (for example a JSON reader's line and column).</summary>
    public void ReportAt(DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
        Add(descriptor, span.Path, null, span, args);

    public EquatableArray<DiagnosticInfo> ToInfos(SchemaLibrary library)
    {
        var infos = new List<DiagnosticInfo>(_pending.Count);
        foreach (var (descriptor, path, pointer, span, args) in _pending)
        {
            var located = span;
            if (located is null && pointer is not null && library.Contains(path))
            {
                located = library.File(path).Locate(pointer);
            }

            var allArgs = new string[args.Length + 1];
            allArgs[0] = FileName(path);
            args.CopyTo(allArgs, 1);
            infos.Add(DiagnosticInfo.Create(descriptor, located ?? SourceSpan.FileStart(path), allArgs));
        }

        return infos.ToEquatableArray();
    }

    public static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);

    private void Add(DiagnosticDescriptor descriptor, string path, string? pointer, SourceSpan? span, string[] args)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        _pending.Add((descriptor, path, pointer, span, args));
    }
}
