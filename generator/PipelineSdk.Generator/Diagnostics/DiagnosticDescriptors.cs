using System;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace PipelineSdk.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ranges: 1000-1099 input files and JSON syntax, 1100-1199 JSON Schema
/// support, 1200-1299 config schemas, 1300-1399 naming conflicts, 9000-9099 internal errors. Never renumber an id.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PipelineSdk";

    // The README's diagnostics table at the repository's address (the PipelineSdkRepositoryUrl build property,
    // stamped into this assembly); without an address the diagnostics carry no help link. Declared before the
    // descriptors: static fields initialise in order.
    private static readonly string? HelpLink = RepositoryUrl() is { } url ? url.TrimEnd('/') + "#diagnostics" : null;

    public static readonly DiagnosticDescriptor NoInputs = Create(
        "PSDK1001", "No PipelineSdk inputs found",
        "No AdditionalFiles with PipelineSdkKind Events, Config or Message were found (Schema files are only $ref targets); nothing is generated",
        DiagnosticSeverity.Info,
        "The generator only reads AdditionalFiles whose PipelineSdkKind metadata is Events, Config, Message or Schema, and generates from the first three. Check the globs in the PipelineSdk props or set the metadata by hand.");

    public static readonly DiagnosticDescriptor MalformedJson = Create(
        "PSDK1002", "Malformed JSON",
        "{0}: the file is not valid JSON: {1}",
        DiagnosticSeverity.Error,
        "The file could not be read as JSON; nothing is generated from it.");

    public static readonly DiagnosticDescriptor UnknownKind = Create(
        "PSDK1003", "Unknown PipelineSdkKind",
        "{0}: PipelineSdkKind '{1}' is not one of Events, Config, Message or Schema; the file is ignored",
        DiagnosticSeverity.Warning,
        "PipelineSdkKind must be Events (state machine or event payloads), Config (a config schema), Message (a reactor message schema) or Schema (only a $ref target).");

    public static readonly DiagnosticDescriptor NothingDeclared = Create(
        "PSDK1004", "Events file declares nothing",
        "{0}: an Events schema needs x-pipelinejob-fsm or x-pipelinejob-payloads; nothing is generated from it",
        DiagnosticSeverity.Warning,
        "An Events file is recognised by its x-pipelinejob-fsm (the state machine) or x-pipelinejob-payloads (a map from event name to payload schema).");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "PSDK1101", "Unsupported schema construct",
        "{0} at '{1}': {2} is not supported and was ignored",
        DiagnosticSeverity.Warning,
        "The generator supports type, properties, required, items, enum, pattern, minimum/maximum, minLength/maxLength, minItems/maxItems, default and $ref. Other keywords are ignored.");

    public static readonly DiagnosticDescriptor UnresolvableReference = Create(
        "PSDK1102", "Unresolvable $ref",
        "{0} at '{1}': cannot resolve $ref '{2}' (a sibling file must be an AdditionalFile with a PipelineSdkKind)",
        DiagnosticSeverity.Error,
        "A $ref must point into the same file or into another AdditionalFile that has a PipelineSdkKind (Schema is enough).");

    public static readonly DiagnosticDescriptor ContradictoryConstraints = Create(
        "PSDK1103", "Contradictory schema constraints",
        "{0} at '{1}': {2}",
        DiagnosticSeverity.Warning,
        "Two keywords of one schema cannot both hold (for example minimum above maximum); no value can be valid.");

    public static readonly DiagnosticDescriptor InvalidStateMachine = Create(
        "PSDK1104", "Invalid state machine",
        "{0} at '{1}': {2}",
        DiagnosticSeverity.Error,
        "x-pipelinejob-fsm must name an initial state, and one transition per event whose from/to states are states of the states schema.");

    public static readonly DiagnosticDescriptor UnknownPayloadEvent = Create(
        "PSDK1105", "Payload for an unknown event",
        "{0} at '{1}': there is no event named '{2}'; known events: {3}",
        DiagnosticSeverity.Error,
        "Every key of x-pipelinejob-payloads must be the name of an event of the state machine.");

    public static readonly DiagnosticDescriptor CircularReference = Create(
        "PSDK1106", "Circular $ref between files",
        "{0} at '{1}': the $refs form a cycle between files, so neither file's schema can be loaded first: {2}",
        DiagnosticSeverity.Error,
        "A file may $ref another file that $refs it back only if the cycle is broken: move the shared definitions into a third file that both reference. References within one file may be recursive.");

    public static readonly DiagnosticDescriptor InvalidConfigSchema = Create(
        "PSDK1201", "Invalid config schema",
        "{0} at '{1}': {2}",
        DiagnosticSeverity.Error,
        "A config schema must be an object schema whose sections are objects or scalar settings.");

    public static readonly DiagnosticDescriptor InvalidMessageSchema = Create(
        "PSDK1202", "Invalid message schema",
        "{0} at '{1}': {2}",
        DiagnosticSeverity.Error,
        "A message schema must be an object schema: it becomes a record read from the reactor's message.");

    public static readonly DiagnosticDescriptor DuplicateName = Create(
        "PSDK1301", "Duplicate name after C# naming",
        "{0} at '{1}': '{2}' and '{3}' both become the C# name '{4}'",
        DiagnosticSeverity.Error,
        "Two names of the schema map to one C# identifier; rename one of them.");

    public static readonly DiagnosticDescriptor RenamedMember = Create(
        "PSDK1302", "Name changed to avoid a collision",
        "{0} at '{1}': '{2}' would collide with {3}; it is generated as '{4}'",
        DiagnosticSeverity.Warning,
        "A schema name would collide with a generated member or its own type; the generated name gets a suffix.");

    public static readonly DiagnosticDescriptor DuplicateType = Create(
        "PSDK1303", "Duplicate generated type",
        "{0}: the type '{1}' is also generated from {2}; give one of them another title or namespace",
        DiagnosticSeverity.Error,
        "Two schemas would generate the same type; the later one (by path) emits nothing.");

    public static readonly DiagnosticDescriptor InternalError = Create(
        "PSDK9001", "Internal generator error",
        "{0}: internal error while generating from this file: {1}",
        DiagnosticSeverity.Error,
        "The generator failed on this file; other files still generate. Please report it with the schema.");

    private static readonly DiagnosticDescriptor[] All =
    {
        NoInputs, MalformedJson, UnknownKind, NothingDeclared, UnsupportedConstruct, UnresolvableReference,
        ContradictoryConstraints, InvalidStateMachine, UnknownPayloadEvent, CircularReference, InvalidConfigSchema, InvalidMessageSchema, DuplicateName,
        RenamedMember, DuplicateType, InternalError,
    };

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new ArgumentException("Unknown diagnostic id " + id, nameof(id));
    }

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLink);

    private static string? RepositoryUrl()
    {
        foreach (var attribute in typeof(DiagnosticDescriptors).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), inherit: false))
        {
            if (attribute is AssemblyMetadataAttribute { Key: "PipelineSdkRepositoryUrl", Value: { Length: > 0 } url })
            {
                return url;
            }
        }

        return null;
    }
}
