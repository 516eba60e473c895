using System.Collections.Generic;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Emit;

/// <summary>
/// Emits the files of one payload schema: the records and enums, their reflection-free <c>Validate()</c> and
/// <c>ToJsonObject()</c>; and, in a second file, typed extension methods on <c>JobEventSender</c> that validate before
/// anything is sent. The extensions live in <c>PipelineSdk.Jobs</c>, the job types' namespace, so they are found
/// wherever a job is used, in this project or in one that references it.
/// </summary>
internal static class PayloadEmitter
{
    private const string Node = "global::System.Text.Json.Nodes.JsonNode";
    private const string Value = "global::System.Text.Json.Nodes.JsonValue";
    private const string Problems = "global::System.Collections.Generic.List<string>";

    public static IEnumerable<GeneratedFile> Emit(PayloadSetSpec spec)
    {
        var writer = new SourceWriter().WriteHeader().WriteUserNamespace(spec.Namespace);
        foreach (var type in spec.Enums)
        {
            TypeWriter.WriteEnum(writer, type);
            writer.WriteLine();
        }

        foreach (var type in spec.Objects)
        {
            TypeWriter.WriteRecord(writer, type, "sealed partial", null, w => WritePayloadMembers(w, type));
            writer.WriteLine();
        }

        yield return new GeneratedFile(spec.HintName, writer.ToString());

        var extensions = new SourceWriter().WriteHeader().WriteLine("namespace PipelineSdk.Jobs;").WriteLine();
        WriteExtensions(extensions, spec);
        yield return new GeneratedFile(ExtensionsHintName(spec), extensions.ToString());
    }

    /// <summary>The hint name of the extensions file: the payload file's, with <c>.Extensions</c> before <c>.g.cs</c>.</summary>
    public static string ExtensionsHintName(PayloadSetSpec spec) =>
        spec.HintName.Substring(0, spec.HintName.Length - ".g.cs".Length) + ".Extensions.g.cs";

    /// <summary>Validate, ValidateInto and ToJsonObject of a payload or message record.</summary>
    internal static void WritePayloadMembers(SourceWriter writer, ObjectTypeSpec type)
    {
        writer.WriteLine("/// <summary>Checks every keyword of the schema; one message per violation, each starting with its JSON pointer. Empty when valid.</summary>");
        writer.WriteLine("/// <returns>The violations.</returns>");
        writer.OpenBlock("public global::System.Collections.Generic.IReadOnlyList<string> Validate()");
        writer.WriteLine("var problems = new " + Problems + "();");
        writer.WriteLine("ValidateInto(problems, string.Empty);");
        writer.WriteLine("return problems;");
        writer.CloseBlock().WriteLine();

        writer.OpenBlock("internal void ValidateInto(" + Problems + " problems, string pointer)");
        foreach (var property in type.Properties)
        {
            var location = "pointer + " + Identifiers.StringLiteral("/" + JsonPointer.Escape(property.JsonName));
            ValidationWriter.WriteValueChecks(writer, property.Value, property.Identifier, location, "/", 0, declaredNullable: !property.IsNonNullable, nestedRecords: true);
        }

        writer.CloseBlock().WriteLine();

        writer.WriteLine("/// <summary>The payload as JSON, with the schema's property names; absent optional values are left out.</summary>");
        writer.WriteLine("/// <returns>A new JSON object.</returns>");
        writer.OpenBlock("public global::System.Text.Json.Nodes.JsonObject ToJsonObject()");
        writer.WriteLine("var json = new global::System.Text.Json.Nodes.JsonObject();");
        foreach (var property in type.Properties)
        {
            var assignment = "json[" + Identifiers.StringLiteral(property.JsonName) + "] = " + ToNode(property.Value, property.Identifier, !property.IsNonNullable, 0) + ";";
            if (property.Required || property.IsNonNullable)
            {
                writer.WriteLine(assignment);
            }
            else
            {
                writer.OpenBlock("if (" + property.Identifier + " is not null)");
                writer.WriteLine(assignment);
                writer.CloseBlock();
            }
        }

        writer.WriteLine("return json;");
        writer.CloseBlock();
    }

    /// <summary>A C# expression turning a value (possibly null) into a JsonNode, without reflection.</summary>
    private static string ToNode(ValueSpec spec, string value, bool declaredNullable, int depth)
    {
        switch (spec.Kind)
        {
            case ValueKind.Enum:
                var v = "v" + depth;
                return declaredNullable
                    ? "(" + value + " is { } " + v + " ? " + Value + ".Create(" + spec.EnumHelper + ".ToWireName(" + v + ")) : null)"
                    : Value + ".Create(" + spec.EnumHelper + ".ToWireName(" + value + "))";
            case ValueKind.Object:
                return value + "?.ToJsonObject()";
            case ValueKind.Array:
                var item = "item" + depth;
                var select = "global::System.Linq.Enumerable.Select(" + value + ", " + item + " => (" + Node + "?)" + ToNode(spec.Item!, item, spec.Item!.AllowsNull, depth + 1) + ")";
                return "(" + value + " is null ? null : new global::System.Text.Json.Nodes.JsonArray(global::System.Linq.Enumerable.ToArray(" + select + ")))";
            case ValueKind.Json:
                return value + "?.DeepClone()";
            default:
                return Value + ".Create(" + value + ")";
        }
    }

    private static void WriteExtensions(SourceWriter writer, PayloadSetSpec spec)
    {
        writer.WriteSummary("Typed event methods for the payloads of " + Diagnostics.DiagnosticCollector.FileName(spec.SourcePath) + ": each validates its payload before anything is sent.");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("public static partial class " + spec.ExtensionsClassName);
        var first = true;
        foreach (var payload in spec.Payloads)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            writer.WriteLine("/// <summary>Sends the <c>" + payload.EventWireName + "</c> event with a typed payload, validated first.</summary>");
            writer.WriteLine("/// <param name=\"job\">The job to send the event to.</param>");
            if (payload.RequiresAdminToken)
            {
                writer.WriteLine("/// <param name=\"adminToken\">A valid administrative token.</param>");
            }

            writer.WriteLine("/// <param name=\"data\">The payload.</param>");
            writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the operation.</param>");
            writer.WriteLine("/// <returns>The job as stored after the event.</returns>");
            writer.WriteLine("/// <exception cref=\"global::PipelineSdk.Errors.PipelineJobValidationException\">The payload violates its schema; nothing was sent.</exception>");
            var admin = payload.RequiresAdminToken ? "global::PipelineSdk.Tokens.AdminToken adminToken, " : string.Empty;
            var type = "global::" + spec.Namespace + "." + payload.TypeName;
            writer.OpenBlock("public static global::System.Threading.Tasks.Task<global::PipelineSdk.Stores.JobSnapshot> " + payload.MethodName +
                "(this global::PipelineSdk.Jobs.JobEventSender job, " + admin + type + " data, global::System.Threading.CancellationToken cancellationToken = default)");
            writer.WriteLine("if (job is null) throw new global::System.ArgumentNullException(nameof(job));");
            writer.WriteLine("if (data is null) throw new global::System.ArgumentNullException(nameof(data));");
            writer.WriteLine("var problems = data.Validate();");
            writer.WriteLine("if (problems.Count > 0) throw new global::PipelineSdk.Errors.PipelineJobValidationException(problems);");
            writer.WriteLine("return job." + payload.MethodName + "(" + (payload.RequiresAdminToken ? "adminToken, " : string.Empty) + "data.ToJsonObject(), cancellationToken);");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }
}
