using System;
using System.Collections.Generic;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.References;

/// <summary>
/// Finds <c>$ref</c>s that lead from one file back to a file that is still being loaded (A → B → A): each file's
/// schema needs the other's first, so neither can be loaded. References within one file are fine.
/// </summary>
internal static class ReferenceCycles
{
    /// <summary>Reports the first cycle reachable from <paramref name="path"/> (PSDK1106); true when there is one.</summary>
    public static bool Report(SchemaLibrary library, string path, DiagnosticCollector diagnostics)
    {
        var chain = new List<(string Path, FileReference Reference)>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (!Visit(library, path, chain, done))
        {
            return false;
        }

        var steps = new List<string>();
        foreach (var (file, reference) in chain)
        {
            steps.Add(DiagnosticCollector.FileName(file) + "#" + reference.Pointer + " (\"" + reference.Reference + "\")");
        }

        var closing = library.ResolvePath(chain[chain.Count - 1].Path, chain[chain.Count - 1].Reference.FilePart);
        steps.Add(DiagnosticCollector.FileName(closing));
        var first = chain[0].Reference.Pointer;
        diagnostics.Report(DiagnosticDescriptors.CircularReference, path, first, first, string.Join(" → ", steps));
        return true;
    }

    /// <summary>Depth-first over file references; on a cycle, <paramref name="chain"/> holds the references from the start file to the one that closes it.</summary>
    private static bool Visit(SchemaLibrary library, string path, List<(string Path, FileReference Reference)> chain, HashSet<string> done)
    {
        foreach (var reference in FileReferences.Of(library.File(path)).References)
        {
            var target = library.ResolvePath(path, reference.FilePart);
            if (target == path || done.Contains(target) || !library.Contains(target))
            {
                continue;
            }

            chain.Add((path, reference));
            if (OnChain(chain, target) || Visit(library, target, chain, done))
            {
                return true;
            }

            chain.RemoveAt(chain.Count - 1);
        }

        done.Add(path);
        return false;
    }

    private static bool OnChain(List<(string Path, FileReference Reference)> chain, string target)
    {
        foreach (var (path, _) in chain)
        {
            if (path == target)
            {
                return true;
            }
        }

        return false;
    }
}
