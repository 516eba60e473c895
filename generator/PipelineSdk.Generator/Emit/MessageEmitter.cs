using System.Collections.Generic;
using System.Globalization;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Emit;

/// <summary>
/// Emits one message file: the records and enums with the payload members (<c>Validate()</c>, <c>ToJsonObject()</c>),
/// a reflection-free reader per record, and on the message record <c>FromJson</c>, which reads a decoded message and
/// throws one exception listing every violation by JSON pointer: type and presence problems found while reading, then
/// the schema checks of <c>Validate()</c> (minus those at a value that could not be read).
/// </summary>
internal static class MessageEmitter
{
    /// <summary>The file-local helper class of every message file (reserved as a type name).</summary>
    public const string ReaderClass = "MessageJsonReader";

    private const string Node = "global::System.Text.Json.Nodes.JsonNode";
    private const string Problems = "global::System.Collections.Generic.List<string>";
    private const string Failed = "global::System.Collections.Generic.HashSet<string>";
    private const string Validation = "global::PipelineSdk.Errors.PipelineJobValidationException";

    /// <summary>The runtime's readers for generated message records (one copy, not one per file).</summary>
    private const string Helpers = "global::PipelineSdk.Reactors.MessageReadingHelpers";

    public static IEnumerable<GeneratedFile> Emit(MessageSpec spec)
    {
        var writer = new SourceWriter().WriteHeader().WriteUserNamespace(spec.Namespace);
        foreach (var type in spec.Enums)
        {
            TypeWriter.WriteEnum(writer, type);
            writer.WriteLine();
        }

        foreach (var type in spec.Objects)
        {
            var isRoot = type.Name == spec.RootTypeName;
            TypeWriter.WriteRecord(writer, type, "sealed partial", null, w =>
            {
                if (isRoot)
                {
                    WriteFromJson(w, type);
                }

                PayloadEmitter.WritePayloadMembers(w, type);
                w.WriteLine();
                WriteReadFrom(w, type);
            }, isRoot ? "global::PipelineSdk.Reactors.IReactorMessage<" + type.Name + ">" : null);
            writer.WriteLine();
        }

        WriteReaderClass(writer, spec);
        yield return new GeneratedFile(spec.HintName, writer.ToString());
    }

    private static void WriteFromJson(SourceWriter writer, ObjectTypeSpec type)
    {
        writer.WriteLine("/// <summary>Reads a message (as <c>ReactorContext.Message</c> decodes it) and checks it against its schema, without reflection.</summary>");
        writer.WriteLine("/// <param name=\"json\">The decoded message.</param>");
        writer.WriteLine("/// <returns>The message.</returns>");
        writer.WriteLine("/// <exception cref=\"" + Validation + "\">Lists every violation, each starting with its JSON pointer.</exception>");
        writer.OpenBlock("public static " + type.Name + " FromJson(" + Node + "? json)");
        writer.WriteLine("var problems = new " + Problems + "();");
        writer.WriteLine("var failed = new " + Failed + "(global::System.StringComparer.Ordinal);");
        writer.WriteLine("var message = ReadFrom(json, string.Empty, problems, failed);");
        writer.OpenBlock("if (message is not null)");
        writer.WriteLine("var violations = new " + Problems + "();");
        writer.WriteLine("message.ValidateInto(violations, string.Empty);");
        writer.WriteLine("problems.AddRange(" + Helpers + ".WithoutFailed(violations, failed));");
        writer.CloseBlock();
        writer.WriteLine("if (problems.Count > 0) throw new " + Validation + "(problems);");
        writer.WriteLine("return message!;");
        writer.CloseBlock().WriteLine();
    }

    private static void WriteReadFrom(SourceWriter writer, ObjectTypeSpec type)
    {
        writer.OpenBlock("internal static " + type.Name + "? ReadFrom(" + Node + "? node, string pointer, " + Problems + " problems, " + Failed + " failed)");
        writer.OpenBlock("if (node is not global::System.Text.Json.Nodes.JsonObject json)");
        writer.WriteLine(Helpers + ".Fail(pointer, \"must be a JSON object\", problems, failed);");
        writer.WriteLine("return null;");
        writer.CloseBlock().WriteLine();
        if (type.ClosedKeys)
        {
            var keys = new List<string>();
            foreach (var property in type.Properties)
            {
                keys.Add(Identifiers.StringLiteral(property.JsonName));
            }

            writer.WriteLine(Helpers + ".CheckKeys(json, pointer, new string[] { " + string.Join(", ", keys) + " }, problems);");
        }

        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            var location = "pointer + " + Identifiers.StringLiteral("/" + JsonPointer.Escape(property.JsonName));
            writer.WriteLine(property.Value.TypeName + "? v" + index + " = null;");
            writer.OpenBlock("if (json.TryGetPropertyValue(" + Identifiers.StringLiteral(property.JsonName) + ", out var n" + index + "))");
            writer.WriteLine("if (n" + index + " is not null) v" + index + " = " + Read(property.Value, "n" + index, location, 0) + ";");
            if (!property.Value.AllowsNull)
            {
                writer.WriteLine("else " + Helpers + ".Fail(" + location + ", \"must not be null\", problems, failed);");
            }

            writer.CloseBlock();
            if (property.Required)
            {
                writer.WriteLine("else " + Helpers + ".Fail(" + location + ", \"is required\", problems, failed);");
            }

            writer.WriteLine();
        }

        writer.WriteLine("return new " + type.Name);
        writer.WriteLine("{");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            writer.WriteLine("    " + type.Properties[i].Identifier + " = " + TypeWriter.FinalValue(type.Properties[i], "v" + i.ToString(CultureInfo.InvariantCulture)) + ",");
        }

        writer.WriteLine("};");
        writer.CloseBlock();
    }

    /// <summary>A C# expression reading a non-null node as the value's type; null (reported, marked failed) when it does not fit.</summary>
    private static string Read(ValueSpec value, string node, string location, int depth)
    {
        var tail = "(" + node + ", " + location + ", problems, failed)";
        switch (value.Kind)
        {
            case ValueKind.String:
                return Helpers + ".ToText" + tail;
            case ValueKind.Integer:
                return Helpers + ".ToInteger" + tail;
            case ValueKind.Number:
                return Helpers + ".ToNumber" + tail;
            case ValueKind.Boolean:
                return Helpers + ".ToBoolean" + tail;
            case ValueKind.Enum:
                return ReaderClass + ".To" + ShortName(value.TypeName) + tail;
            case ValueKind.Object:
                return value.TypeName + ".ReadFrom" + tail;
            case ValueKind.Array:
                var item = value.Item!;
                var itemType = item.AllowsNull ? item.TypeName + "?" : item.TypeName;
                var element = "e" + depth.ToString(CultureInfo.InvariantCulture);
                var elementPointer = "p" + depth.ToString(CultureInfo.InvariantCulture);
                var itemValue = Read(item, element, elementPointer, depth + 1);
                if (!item.AllowsNull)
                {
                    itemValue = "(" + itemValue + ") ?? default" + (item.IsValueType ? string.Empty : "!");
                }

                return Helpers + ".ToList<" + itemType + ">(" + node + ", " + location + ", " + (item.AllowsNull ? "true" : "false") +
                    ", problems, failed, (" + element + ", " + elementPointer + ") => " + itemValue + ")";
            default:
                return node + ".DeepClone()";
        }
    }

    private static string ShortName(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);

    /// <summary>The file's enum readers (the other readers are the runtime's); nothing when the file has no enums.</summary>
    private static void WriteReaderClass(SourceWriter writer, MessageSpec spec)
    {
        if (spec.Enums.Count == 0)
        {
            return;
        }

        writer.WriteLine("/// <summary>Reads the enums of " + Identifiers.XmlText(Diagnostics.DiagnosticCollector.FileName(spec.SourcePath)) + " without reflection; every problem names its JSON pointer.</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("file static class " + ReaderClass);
        for (var i = 0; i < spec.Enums.Count; i++)
        {
            var type = spec.Enums[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            writer.OpenBlock("public static " + type.Name + "? To" + type.Name + "(" + Node + " node, string pointer, " + Problems + " problems, " + Failed + " failed)");
            writer.WriteLine("if (" + Helpers + ".ToText(node, pointer, problems, failed) is not { } text) return null;");
            writer.WriteLine("if (" + type.Name + "Names.TryParse(text, out var value)) return value;");
            writer.WriteLine(Helpers + ".Fail(pointer, \"must be one of \" + " + type.Name + "Names.AllowedValues, problems, failed);");
            writer.WriteLine("return null;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }
}
