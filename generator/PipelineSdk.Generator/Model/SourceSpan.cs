using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PipelineSdk.Generator.Model;

/// <summary>
/// A place inside a JSON file, kept as plain values so it can travel through the pipeline; it becomes a Roslyn
/// <see cref="Location"/> only when a diagnostic is reported.
/// </summary>
/// <param name="Path">The file's path as the build gave it.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters covered.</param>
/// <param name="StartLine">Zero-based line of the first character.</param>
/// <param name="StartColumn">Zero-based column of the first character.</param>
/// <param name="EndLine">Zero-based line after the last character.</param>
/// <param name="EndColumn">Zero-based column after the last character.</param>
internal sealed record SourceSpan(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span at the start of a file, used when nothing more precise is known.</summary>
    public static SourceSpan FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    public Location ToLocation() => Location.Create(
        Path,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
