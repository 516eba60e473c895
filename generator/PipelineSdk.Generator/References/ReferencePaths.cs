using System;
using System.Collections.Generic;
using PipelineSdk.Generator.Inputs;

namespace PipelineSdk.Generator.References;

/// <summary>Where the file part of a <c>$ref</c> points.</summary>
internal static class ReferencePaths
{
    /// <summary>
    /// The path of the file a <c>$ref</c>'s file part names: a file's id (<see cref="SchemaDocument.Id"/>), else a
    /// path relative to the referencing file's folder (or absolute).
    /// </summary>
    public static string Resolve(string fromPath, string filePart, IReadOnlyDictionary<string, string> pathsById)
    {
        if (pathsById.TryGetValue(filePart, out var identified))
        {
            return identified;
        }

        if (filePart.StartsWith("/", StringComparison.Ordinal) || filePart.IndexOf(':') > 0)
        {
            return InputClassifier.NormalizePath(filePart);
        }

        var slash = fromPath.LastIndexOf('/');
        var folder = slash < 0 ? new List<string>() : new List<string>(fromPath.Substring(0, slash).Split('/'));
        foreach (var part in InputClassifier.NormalizePath(filePart).Split('/'))
        {
            if (part == "..")
            {
                if (folder.Count > 0)
                {
                    folder.RemoveAt(folder.Count - 1);
                }
            }
            else if (part != "." && part.Length > 0)
            {
                folder.Add(part);
            }
        }

        return string.Join("/", folder);
    }
}
