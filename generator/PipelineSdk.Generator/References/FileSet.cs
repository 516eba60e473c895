using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.References;

/// <summary>Every read file of the compilation, sorted by path, with a lookup by path.</summary>
internal sealed class FileSet : IEquatable<FileSet>
{
    private readonly Dictionary<string, JsonFile> _byPath = new(StringComparer.Ordinal);

    private FileSet(EquatableArray<JsonFile> files)
    {
        Files = files;
        foreach (var file in files)
        {
            _byPath[file.Path] = file;
        }
    }

    public EquatableArray<JsonFile> Files { get; }

    public static FileSet Create(ImmutableArray<JsonFile> files)
    {
        var sorted = files.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new FileSet(sorted.ToEquatableArray());
    }

    public JsonFile this[string path] => _byPath[path];

    public bool Equals(FileSet? other) => other is not null && Files.Equals(other.Files);

    public override bool Equals(object? obj) => Equals(obj as FileSet);

    public override int GetHashCode() => Files.GetHashCode();
}
