using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Parsing;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.References;

/// <summary>
/// What other files a file needs: the file parts of its <c>$ref</c>s (unresolved), and whether it holds the state
/// machine that payload names are checked against. Cheap to compute and equal across edits that keep the references,
/// so the compilation-wide <see cref="ReferenceIndex"/> stays cached.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Id">Its <c>PipelineSdkSchemaId</c>, or null.</param>
/// <param name="References">Each <c>$ref</c> naming another file: where it is written and the file part it names.</param>
/// <param name="HoldsStateMachine">True when <c>x-pipelinejob-fsm</c> has a <c>transitions</c> object.</param>
internal sealed record FileReferences(string Path, string? Id, EquatableArray<FileReference> References, bool HoldsStateMachine)
{
    public static FileReferences Of(JsonFile file)
    {
        var references = new List<FileReference>();
        if (file.Root is { } root)
        {
            foreach (var token in root.Descendants())
            {
                if (token is JProperty { Name: "$ref", Value: JValue { Type: JTokenType.String } value } property)
                {
                    var reference = value.Value<string>()!;
                    var hash = reference.IndexOf('#');
                    var filePart = hash < 0 ? reference : reference.Substring(0, hash);
                    if (filePart.Length > 0)
                    {
                        references.Add(new FileReference(RawJson.PointerOf(property), reference, filePart));
                    }
                }
            }
        }

        var holdsStateMachine = file.Root?[StateMachineParser.Extension]?["transitions"] is JObject;
        return new FileReferences(file.Path, file.Document.Id, references.ToEquatableArray(), holdsStateMachine);
    }
}
