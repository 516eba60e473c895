using System;
using System.Collections.Generic;
using System.Threading;
using Newtonsoft.Json.Linq;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Emit;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

/// <summary>
/// Reads a user's payload file: an Events schema whose <c>x-pipelinejob-payloads</c> maps event names to the schema
/// of that event's <c>data</c> (inline, or a <c>$ref</c> into the same or a sibling file). Event names are checked
/// against the state machine found among the AdditionalFiles (the package adds the canonical schemas as Schema).
/// </summary>
internal static class PayloadParser
{
    public const string Extension = "x-pipelinejob-payloads";
    public const string NamespaceExtension = "x-pipelinejob-namespace";

    public static PayloadSetSpec? Parse(SchemaLibrary library, string path, GeneratorOptions options, DiagnosticCollector diagnostics, CancellationToken cancellationToken)
    {
        var raw = library.Raw(path);
        if (raw[Extension] is not JObject payloads)
        {
            diagnostics.Report(DiagnosticDescriptors.NothingDeclared, path, "/" + Extension);
            return null;
        }

        var ns = raw.Value<string>(NamespaceExtension) ?? options.DefaultNamespace;
        var events = KnownEvents(library);
        var schema = library.Schema(path);
        var builder = new TypeModelBuilder(library, diagnostics, ns, path);
        var fileBase = FileBaseName(path);
        var extensionsClass = fileBase + "PayloadExtensions";
        builder.ReserveTypeName(extensionsClass);
        var specs = new List<PayloadSpec>();
        foreach (var payload in payloads.Properties())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pointer = JsonPointer.Append("/" + Extension, payload.Name);
            if (!events.TryGetValue(payload.Name, out var access) || access == "internal")
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownPayloadEvent, path, pointer, pointer, payload.Name, KnownList(events));
                continue;
            }

            var eventId = Identifiers.ToPascalCase(payload.Name);
            var definition = schema.Definitions[SchemaLibrary.PayloadDefinitionPrefix + payload.Name];
            var value = builder.Build(definition, path, pointer, eventId + "Data", record: true);
            if (value.Kind != ValueKind.Object)
            {
                diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, path, pointer, pointer, "a payload that is not an object schema");
                continue;
            }

            var typeName = value.TypeName.Substring(("global::" + ns + ".").Length);
            specs.Add(new PayloadSpec(payload.Name, eventId, eventId + "Async", access == "admin", typeName));
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        return new PayloadSetSpec(path, "PipelineSdk.Payloads." + fileBase + ".g.cs", ns, extensionsClass, specs.ToEquatableArray(), builder.Objects, builder.Enums);
    }

    /// <summary>The PascalCase file name without <c>.schema.json</c>/<c>.jsonschema</c>/<c>.json</c> (<c>my-progress.schema.json</c> → <c>MyProgress</c>).</summary>
    public static string FileBaseName(string path)
    {
        var name = DiagnosticCollector.FileName(path);
        foreach (var suffix in new[] { ".schema.json", ".jsonschema", ".json" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        return Identifiers.ToPascalCase(name);
    }

    /// <summary>Event name → access, from the first file (by path) that holds the state machine.</summary>
    private static Dictionary<string, string> KnownEvents(SchemaLibrary library)
    {
        var paths = new List<string>();
        foreach (var file in library.Files)
        {
            if (file.Root?[StateMachineParser.Extension] is not null)
            {
                paths.Add(file.Path);
            }
        }

        paths.Sort(StringComparer.Ordinal);
        var events = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var candidate in paths)
        {
            if (library.Raw(candidate)[StateMachineParser.Extension]?["transitions"] is JObject transitions)
            {
                foreach (var transition in transitions.Properties())
                {
                    events[transition.Name] = transition.Value.Value<string>("access") ?? string.Empty;
                }

                break;
            }
        }

        return events;
    }

    private static string KnownList(Dictionary<string, string> events)
    {
        var names = new List<string>();
        foreach (var pair in events)
        {
            if (pair.Value != "internal")
            {
                names.Add(pair.Key);
            }
        }

        return names.Count == 0 ? "(no state machine schema among the AdditionalFiles)" : string.Join(", ", names);
    }
}
