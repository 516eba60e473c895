using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.References;

/// <summary>
/// Everything one file's parse reads: the file, the files of its reference closure and the options. Equal across a
/// run unless one of those files changed, so an edit re-parses only the edited file and the files that depend on it.
/// </summary>
/// <param name="File">The file to parse.</param>
/// <param name="References">The files it depends on (see <see cref="ReferenceIndex.ClosureOf"/>), sorted by path.</param>
/// <param name="Options">The project's switches.</param>
internal sealed record ParseInput(JsonFile File, EquatableArray<JsonFile> References, GeneratorOptions Options)
{
    public static ParseInput Create(JsonFile file, ReferenceIndex index, FileSet files, GeneratorOptions options)
    {
        var paths = index.ClosureOf(file.Path, withStateMachine: file.Document.Kind == InputKind.Events);
        var references = new JsonFile[paths.Count];
        for (var i = 0; i < references.Length; i++)
        {
            references[i] = files[paths[i]];
        }

        return new ParseInput(file, references.ToEquatableArray(), options);
    }
}
