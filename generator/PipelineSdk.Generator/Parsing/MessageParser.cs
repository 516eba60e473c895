using System;
using System.Collections.Generic;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Emit;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

/// <summary>
/// Reads a reactor message schema (the original's <c>message.jsonschema</c>, or a file of <c>message_schemas/</c>)
/// into a message record named from the root <c>title</c> (else the file name plus <c>Message</c>), with the same
/// records, enums and checks as payloads.
/// </summary>
internal static class MessageParser
{
    public static MessageSpec? Parse(SchemaLibrary library, string path, GeneratorOptions options, DiagnosticCollector diagnostics)
    {
        var raw = library.Raw(path);
        var schema = library.Schema(path);
        var ns = raw.Value<string>(PayloadParser.NamespaceExtension) ?? options.DefaultNamespace;
        var builder = new TypeModelBuilder(library, diagnostics, ns, path);
        var fileBase = PayloadParser.FileBaseName(path);
        var suggested = fileBase.EndsWith("Message", StringComparison.Ordinal) ? fileBase : fileBase + "Message";
        builder.ReserveTypeName(MessageEmitter.ReaderClass);
        var root = builder.Build(schema, path, string.Empty, suggested, record: true);
        if (root.Kind != ValueKind.Object)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidMessageSchema, path, string.Empty, string.Empty, "the root of a message schema must be an object schema (with \"type\": \"object\" or properties)");
            return null;
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        var objects = new List<ObjectTypeSpec>(builder.Objects);
        var rootIndex = objects.FindIndex(type => "global::" + ns + "." + type.Name == root.TypeName);
        var rootType = objects[rootIndex];
        objects.RemoveAt(rootIndex);
        objects.Insert(0, rootType);
        return new MessageSpec(path, "PipelineSdk.Messages." + fileBase + ".g.cs", ns, rootType.Name, objects.ToEquatableArray(), builder.Enums);
    }
}
