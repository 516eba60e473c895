using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.References;

/// <summary>
/// The references of every file of the compilation, sorted by path: enough to compute a file's reference closure
/// without its text. Equal whenever no file's references, id or state machine presence changed.
/// </summary>
internal sealed class ReferenceIndex : IEquatable<ReferenceIndex>
{
    private readonly Dictionary<string, FileReferences> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pathsById = new(StringComparer.Ordinal);

    private ReferenceIndex(EquatableArray<FileReferences> files)
    {
        Files = files;
        foreach (var file in files)
        {
            _byPath[file.Path] = file;
            if (file.Id is { } id)
            {
                _pathsById[id] = file.Path;
            }

            if (file.HoldsStateMachine && StateMachinePath is null)
            {
                StateMachinePath = file.Path;
            }
        }
    }

    public EquatableArray<FileReferences> Files { get; }

    /// <summary>The first file (by path) holding the state machine, or null.</summary>
    public string? StateMachinePath { get; }

    public static ReferenceIndex Create(ImmutableArray<FileReferences> files)
    {
        var sorted = files.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new ReferenceIndex(sorted.ToEquatableArray());
    }

    /// <summary>
    /// The paths a file's parse depends on, sorted: the existing files its <c>$ref</c>s reach, directly or through
    /// other files, plus the state machine file when <paramref name="withStateMachine"/> (payload names are checked
    /// against it). The file itself is not included.
    /// </summary>
    public EquatableArray<string> ClosureOf(string path, bool withStateMachine)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { path };
        var pending = new Queue<string>();
        pending.Enqueue(path);
        if (withStateMachine && StateMachinePath is { } machine && reached.Add(machine))
        {
            pending.Enqueue(machine);
        }

        while (pending.Count > 0)
        {
            var current = _byPath[pending.Dequeue()];
            foreach (var reference in current.References)
            {
                var target = ReferencePaths.Resolve(current.Path, reference.FilePart, _pathsById);
                if (_byPath.ContainsKey(target) && reached.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        reached.Remove(path);
        var paths = new string[reached.Count];
        reached.CopyTo(paths);
        Array.Sort(paths, StringComparer.Ordinal);
        return paths.ToEquatableArray();
    }

    public bool Equals(ReferenceIndex? other) => other is not null && Files.Equals(other.Files);

    public override bool Equals(object? obj) => Equals(obj as ReferenceIndex);

    public override int GetHashCode() => Files.GetHashCode();
}
