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
        writer.WriteLine("problems.AddRange(" + ReaderClass + ".WithoutFailed(violations, failed));");
        writer.CloseBlock();
        writer.WriteLine("if (problems.Count > 0) throw new " + Validation + "(problems);");
        writer.WriteLine("return message!;");
        writer.CloseBlock().WriteLine();
    }

    private static void WriteReadFrom(SourceWriter writer, ObjectTypeSpec type)
    {
        writer.OpenBlock("internal static " + type.Name + "? ReadFrom(" + Node + "? node, string pointer, " + Problems + " problems, " + Failed + " failed)");
        writer.OpenBlock("if (node is not global::System.Text.Json.Nodes.JsonObject json)");
        writer.WriteLine(ReaderClass + ".Fail(pointer, \"must be a JSON object\", problems, failed);");
        writer.WriteLine("return null;");
        writer.CloseBlock().WriteLine();
        if (type.ClosedKeys)
        {
            var keys = new List<string>();
            foreach (var property in type.Properties)
            {
                keys.Add(Identifiers.StringLiteral(property.JsonName));
            }

            writer.WriteLine(ReaderClass + ".CheckKeys(json, pointer, new string[] { " + string.Join(", ", keys) + " }, problems);");
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
                writer.WriteLine("else " + ReaderClass + ".Fail(" + location + ", \"must not be null\", problems, failed);");
            }

            writer.CloseBlock();
            if (property.Required)
            {
                writer.WriteLine("else " + ReaderClass + ".Fail(" + location + ", \"is required\", problems, failed);");
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
                return ReaderClass + ".ToText" + tail;
            case ValueKind.Integer:
                return ReaderClass + ".ToInteger" + tail;
            case ValueKind.Number:
                return ReaderClass + ".ToNumber" + tail;
            case ValueKind.Boolean:
                return ReaderClass + ".ToBoolean" + tail;
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

                return ReaderClass + ".ToList<" + itemType + ">(" + node + ", " + location + ", " + (item.AllowsNull ? "true" : "false") +
                    ", problems, failed, (" + element + ", " + elementPointer + ") => " + itemValue + ")";
            default:
                return node + ".DeepClone()";
        }
    }

    private static string ShortName(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);

    private static void WriteReaderClass(SourceWriter writer, MessageSpec spec)
    {
        writer.WriteLine("/// <summary>Reads JSON values of " + Identifiers.XmlText(Diagnostics.DiagnosticCollector.FileName(spec.SourcePath)) + " without reflection; every problem names its JSON pointer.</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("file static class " + ReaderClass);
        writer.WriteLine(ReaderHelpers);
        foreach (var type in spec.Enums)
        {
            writer.WriteLine();
            writer.OpenBlock("public static " + type.Name + "? To" + type.Name + "(" + Node + " node, string pointer, " + Problems + " problems, " + Failed + " failed)");
            writer.WriteLine("if (ToText(node, pointer, problems, failed) is not { } text) return null;");
            writer.WriteLine("if (" + type.Name + "Names.TryParse(text, out var value)) return value;");
            writer.WriteLine("Fail(pointer, \"must be one of \" + " + type.Name + "Names.AllowedValues, problems, failed);");
            writer.WriteLine("return null;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private const string ReaderHelpers = """
        /// <summary>Reports a value that cannot be read; later checks at that pointer are dropped.</summary>
        public static void Fail(string pointer, string problem, global::System.Collections.Generic.List<string> problems, global::System.Collections.Generic.HashSet<string> failed)
        {
            problems.Add((pointer.Length == 0 ? "(root)" : pointer) + " " + problem);
            failed.Add(pointer);
        }

        /// <summary>The schema checks, without those at (or below) a value that could not be read.</summary>
        public static global::System.Collections.Generic.IEnumerable<string> WithoutFailed(global::System.Collections.Generic.List<string> violations, global::System.Collections.Generic.HashSet<string> failed)
        {
            foreach (var violation in violations)
            {
                var stale = false;
                foreach (var pointer in failed)
                {
                    stale |= violation.StartsWith(pointer + " ", global::System.StringComparison.Ordinal) || violation.StartsWith(pointer + "/", global::System.StringComparison.Ordinal);
                }

                if (!stale) yield return violation;
            }
        }

        public static void CheckKeys(global::System.Text.Json.Nodes.JsonObject json, string pointer, string[] known, global::System.Collections.Generic.List<string> problems)
        {
            foreach (var property in json)
            {
                if (global::System.Array.IndexOf(known, property.Key) < 0)
                {
                    problems.Add(pointer + "/" + property.Key.Replace("~", "~0").Replace("/", "~1") + " is not allowed (additionalProperties is false)");
                }
            }
        }

        public static string? ToText(global::System.Text.Json.Nodes.JsonNode node, string pointer, global::System.Collections.Generic.List<string> problems, global::System.Collections.Generic.HashSet<string> failed)
        {
            if (node.GetValueKind() == global::System.Text.Json.JsonValueKind.String) return node.GetValue<string>();
            Fail(pointer, "must be of type string", problems, failed);
            return null;
        }

        public static long? ToInteger(global::System.Text.Json.Nodes.JsonNode node, string pointer, global::System.Collections.Generic.List<string> problems, global::System.Collections.Generic.HashSet<string> failed)
        {
            // 1.0 is an integer in JSON Schema; a whole number beyond 64 bits is not representable.
            if (node.GetValueKind() == global::System.Text.Json.JsonValueKind.Number
                && decimal.TryParse(node.ToJsonString(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var number)
                && decimal.Truncate(number) == number && number >= long.MinValue && number <= long.MaxValue)
            {
                return (long)number;
            }

            Fail(pointer, "must be of type integer", problems, failed);
            return null;
        }

        public static double? ToNumber(global::System.Text.Json.Nodes.JsonNode node, string pointer, global::System.Collections.Generic.List<string> problems, global::System.Collections.Generic.HashSet<string> failed)
        {
            if (node.GetValueKind() == global::System.Text.Json.JsonValueKind.Number
                && double.TryParse(node.ToJsonString(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            Fail(pointer, "must be of type number", problems, failed);
            return null;
        }

        public static bool? ToBoolean(global::System.Text.Json.Nodes.JsonNode node, string pointer, global::System.Collections.Generic.List<string> problems, global::System.Collections.Generic.HashSet<string> failed)
        {
            switch (node.GetValueKind())
            {
                case global::System.Text.Json.JsonValueKind.True: return true;
                case global::System.Text.Json.JsonValueKind.False: return false;
            }

            Fail(pointer, "must be of type boolean", problems, failed);
            return null;
        }

        public static global::System.Collections.Generic.IReadOnlyList<T>? ToList<T>(global::System.Text.Json.Nodes.JsonNode node, string pointer, bool itemsMayBeNull, global::System.Collections.Generic.List<string> problems, global::System.Collections.Generic.HashSet<string> failed, global::System.Func<global::System.Text.Json.Nodes.JsonNode, string, T> readItem)
        {
            if (node is not global::System.Text.Json.Nodes.JsonArray array)
            {
                Fail(pointer, "must be of type array", problems, failed);
                return null;
            }

            var list = new global::System.Collections.Generic.List<T>(array.Count);
            for (var i = 0; i < array.Count; i++)
            {
                var itemPointer = pointer + "/" + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
                if (array[i] is { } item)
                {
                    list.Add(readItem(item, itemPointer));
                }
                else
                {
                    if (!itemsMayBeNull) Fail(itemPointer, "must not be null", problems, failed);
                    list.Add(default!);
                }
            }

            return list;
        }
        """;
}
