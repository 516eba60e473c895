using System;
using System.Collections.Generic;
using System.Threading;
using Newtonsoft.Json.Linq;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Emit;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

/// <summary>Reads <c>x-pipelinejob-fsm</c> of the event-name schema into a <see cref="StateMachineSpec"/>.</summary>
internal static class StateMachineParser
{
    public const string Extension = "x-pipelinejob-fsm";
    private const string FsmPointer = "/" + Extension;
    private static readonly string[] AccessMembers = { "Internal", "Client", "Indexer", "Admin" };

    public static StateMachineSpec? Parse(SchemaLibrary library, string path, DiagnosticCollector diagnostics, CancellationToken cancellationToken)
    {
        var raw = library.Raw(path);
        if (raw[Extension] is not JObject fsm)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, FsmPointer, FsmPointer, "x-pipelinejob-fsm must be an object");
            return null;
        }

        var eventsSchema = library.Schema(path);
        var eventNames = new List<string>();
        foreach (var value in eventsSchema.Enumeration)
        {
            eventNames.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        var states = ReadStates(library, path, fsm, diagnostics, out var statesDescription);
        if (states is null)
        {
            return null;
        }

        var stateIds = MapNames(states, path, FsmPointer + "/states", diagnostics);
        var initial = fsm.Value<string>("initial");
        if (initial is null || !stateIds.ContainsKey(initial))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, FsmPointer + "/initial", FsmPointer + "/initial", "the initial state '" + initial + "' is not a state");
        }

        var events = ReadEvents(path, fsm, eventNames, states, stateIds, diagnostics, cancellationToken);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var stateSpecs = new List<EnumMemberSpec>(states.Count);
        foreach (var (wireName, description) in states)
        {
            stateSpecs.Add(new EnumMemberSpec(wireName, stateIds[wireName], description));
        }

        return new StateMachineSpec(path, eventsSchema.Description, statesDescription, stateSpecs.ToEquatableArray(), events.ToEquatableArray(), stateIds[initial!]);
    }

    private static List<(string WireName, string? Description)>? ReadStates(
        SchemaLibrary library, string path, JObject fsm, DiagnosticCollector diagnostics, out string? description)
    {
        description = null;
        var statesPointer = FsmPointer + "/states";
        var (statesPath, pointer) = (path, statesPointer);
        if (fsm["states"] is JObject statesObject && statesObject.Value<string>("$ref") is { } reference)
        {
            var target = RawJson.FollowReference(library, path, statesPointer + "/$ref", reference, diagnostics);
            if (target is null)
            {
                return null;
            }

            (statesPath, pointer) = target.Value;
        }

        var statesSchema = library.Node(statesPath, pointer) as JObject;
        if (statesSchema?["enum"] is not JArray values)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, statesPointer, statesPointer, "states must be (or $ref) a string schema with an enum of state names");
            return null;
        }

        description = statesSchema.Value<string>("description");
        var states = new List<(string, string?)>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var name = values[i].Value<string>() ?? string.Empty;
            states.Add((name, EnumDescription(statesSchema["x-enum-descriptions"], name, i)));
        }

        return states;
    }

    /// <summary>Reads both forms of x-enum-descriptions: a map from value to text, or NJsonSchema's array.</summary>
    public static string? EnumDescription(JToken? descriptions, string name, int index) => descriptions switch
    {
        JObject map => map.Value<string>(name),
        JArray list when index < list.Count => list[index].Value<string>(),
        _ => null,
    };

    private static List<EventSpec> ReadEvents(
        string path,
        JObject fsm,
        List<string> eventNames,
        List<(string WireName, string? Description)> states,
        Dictionary<string, string> stateIds,
        DiagnosticCollector diagnostics,
        CancellationToken cancellationToken)
    {
        var transitionsPointer = FsmPointer + "/transitions";
        var transitions = fsm["transitions"] as JObject ?? new JObject();
        var anyState = fsm.Value<string>("anyState") ?? "*";
        var accessKeys = fsm["access"] as JObject;
        var eventIds = MapNames(ToNamed(eventNames), path, "/enum", diagnostics);
        foreach (var property in transitions.Properties())
        {
            if (!eventIds.ContainsKey(property.Name))
            {
                var at = JsonPointer.Append(transitionsPointer, property.Name);
                diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, at, at, "'" + property.Name + "' is not an event of the enum");
            }
        }

        var events = new List<EventSpec>(eventNames.Count);
        foreach (var name in eventNames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = JsonPointer.Append(transitionsPointer, name);
            if (transitions[name] is not JObject transition)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, transitionsPointer, transitionsPointer, "event '" + name + "' has no transition");
                continue;
            }

            var sources = new List<string>();
            foreach (var from in transition["from"] as JArray ?? new JArray())
            {
                var state = from.Value<string>() ?? string.Empty;
                if (state == anyState)
                {
                    sources.Clear();
                    foreach (var (wireName, _) in states)
                    {
                        if (stateIds.TryGetValue(wireName, out var anyId))
                        {
                            sources.Add(anyId);
                        }
                    }

                    break;
                }

                if (stateIds.TryGetValue(state, out var id))
                {
                    sources.Add(id);
                }
                else
                {
                    diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, at + "/from", at + "/from", "'" + state + "' is not a state");
                }
            }

            string? destination = null;
            var to = transition["to"];
            if (to is not null && to.Type != JTokenType.Null && !stateIds.TryGetValue(to.Value<string>() ?? string.Empty, out destination))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, at + "/to", at + "/to", "'" + to + "' is not a state");
            }

            var accessName = transition.Value<string>("access") ?? string.Empty;
            var access = Identifiers.ToPascalCase(accessName);
            if (Array.IndexOf(AccessMembers, access) < 0 || (accessKeys is not null && accessKeys[accessName] is null))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidStateMachine, path, at + "/access", at + "/access", "access '" + accessName + "' is not one of internal, client, indexer, admin");
            }

            if (!eventIds.TryGetValue(name, out var identifier))
            {
                continue;
            }

            var method = access == "Internal" ? null : identifier + "Async";
            events.Add(new EventSpec(name, identifier, transition.Value<string>("description"), sources.ToEquatableArray(), destination, access, method));
        }

        return events;
    }

    private static List<(string, string?)> ToNamed(List<string> names)
    {
        var named = new List<(string, string?)>(names.Count);
        foreach (var name in names)
        {
            named.Add((name, null));
        }

        return named;
    }

    /// <summary>Wire name → C# identifier, reporting names that collide after PascalCasing.</summary>
    private static Dictionary<string, string> MapNames(List<(string WireName, string? Description)> names, string path, string pointer, DiagnosticCollector diagnostics)
    {
        var byWire = new Dictionary<string, string>(StringComparer.Ordinal);
        var byIdentifier = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (wireName, _) in names)
        {
            var identifier = Identifiers.ToPascalCase(wireName);
            if (byIdentifier.TryGetValue(identifier, out var other))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateName, path, pointer, pointer, other, wireName, identifier);
                continue;
            }

            byIdentifier[identifier] = wireName;
            byWire[wireName] = identifier;
        }

        return byWire;
    }
}
