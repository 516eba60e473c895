using System.Collections.Generic;
using System.Threading;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Emit;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

/// <summary>
/// Reads a config schema into settings records named from titles and a binder. A schema extends another config
/// schema (for example the canonical reactor config) with <c>"allOf": [{ "$ref": "reactor_config.schema.json" }]</c>:
/// its root record then derives from that schema's root record, and every object schema that lives in another file
/// maps to the type generated there (namespace from that file's <c>x-pipelinejob-namespace</c>, type from its
/// <c>title</c>, bound by that file's binder), so the canonical sections are the runtime's own settings types.
/// </summary>
internal static class ConfigParser
{
    public static ConfigSpec? Parse(SchemaLibrary library, string path, GeneratorOptions options, DiagnosticCollector diagnostics, CancellationToken cancellationToken)
    {
        var raw = library.Raw(path);
        var schema = library.Schema(path);
        if ((schema.Type & ~JsonObjectType.Null) is not (JsonObjectType.Object or JsonObjectType.None))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidConfigSchema, path, string.Empty, string.Empty, "the root of a config schema must be an object schema");
            return null;
        }

        var ns = NamespaceOf(raw, options);
        var builder = new TypeModelBuilder(library, diagnostics, ns, path, (targetPath, pointer) => External(library, options, diagnostics, targetPath, pointer));
        var rootName = builder.TypeName(schema, path, string.Empty, PayloadParser.FileBaseName(path) + "Settings");
        var binderName = rootName + "Binder";
        builder.ReserveTypeName(binderName);
        builder.ReserveTypeName("Keys"); // the binder's catalogue property would hide a type of that name

        string? baseType = null;
        var baseProperties = new List<PropertySpec>();
        if (raw["allOf"] is JArray allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pointer = "/allOf/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var reference = (allOf[i] as JObject)?.Value<string>("$ref");
                var target = reference is null ? null : RawJson.FollowReference(library, path, pointer + "/$ref", reference, diagnostics);
                if (baseType is not null || target is not { Pointer: "" } || target.Value.Path == path)
                {
                    if (reference is null || target is not null)
                    {
                        diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, path, pointer, pointer, "allOf other than one $ref to another config schema's root");
                    }

                    continue;
                }

                var external = External(library, options, diagnostics, target.Value.Path, string.Empty);
                if (external is null)
                {
                    continue;
                }

                baseType = external.TypeName;
                baseProperties = builder.BuildProperties(library.Schema(target.Value.Path), target.Value.Path, string.Empty, rootName);
            }
        }

        var properties = builder.BuildProperties(schema, path, string.Empty, rootName);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var closed = raw["additionalProperties"]?.Type == JTokenType.Boolean && !raw.Value<bool>("additionalProperties");
        var root = new ObjectTypeSpec(rootName, schema.Description, properties.ToEquatableArray(), closed, baseType, baseProperties.ToEquatableArray());
        var objects = new List<ObjectTypeSpec> { root };
        objects.AddRange(builder.Objects);
        return new ConfigSpec(path, "PipelineSdk.Config." + PayloadParser.FileBaseName(path) + ".g.cs", ns, rootName, binderName, objects.ToEquatableArray(), builder.Enums);
    }

    private static string NamespaceOf(JObject raw, GeneratorOptions options) =>
        raw.Value<string>(PayloadParser.NamespaceExtension) ?? options.DefaultNamespace;

    /// <summary>The type generated for an object schema of another config file, or null (reported) without a title.</summary>
    private static ValueSpec? External(SchemaLibrary library, GeneratorOptions options, DiagnosticCollector diagnostics, string targetPath, string pointer)
    {
        var targetRaw = library.Raw(targetPath);
        var title = (RawJson.Select(targetRaw, pointer) as JObject)?.Value<string>("title");
        var rootTitle = targetRaw.Value<string>("title");
        if (title is null || rootTitle is null)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidConfigSchema, targetPath, pointer, pointer, "an object schema used from another config file needs a title (and its file a root title) to name the generated type");
            return null;
        }

        var ns = "global::" + NamespaceOf(targetRaw, options) + ".";
        var typeName = Identifiers.ToPascalCase(title);
        return new ValueSpec(ValueKind.Object, ns + typeName, false, false, null, EquatableArray<string>.Empty, null,
            EquatableArray<string>.Empty, ConstraintSpec.None, ns + Identifiers.ToPascalCase(rootTitle) + "Binder.Bind" + typeName);
    }
}
