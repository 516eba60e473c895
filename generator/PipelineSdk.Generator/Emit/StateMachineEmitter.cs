using System.Collections.Generic;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Emit;

/// <summary>
/// Emits the runtime's state machine from the canonical event schema: <c>JobState</c>, <c>JobEvent</c>,
/// <c>JobTransitions</c> and the typed event methods of <c>JobEventSender</c>. Pure: spec in, files out.
/// </summary>
internal static class StateMachineEmitter
{
    private const string State = "global::PipelineSdk.JobState";
    private const string Event = "global::PipelineSdk.JobEvent";
    private const string Access = "global::PipelineSdk.EventAccess";
    private const string Snapshot = "global::System.Threading.Tasks.Task<global::PipelineSdk.Stores.JobSnapshot>";

    public static IEnumerable<GeneratedFile> Emit(StateMachineSpec spec)
    {
        yield return new GeneratedFile("PipelineSdk.JobState.g.cs", WriteStateEnum(spec));
        yield return new GeneratedFile("PipelineSdk.JobEvent.g.cs", WriteEventEnum(spec));
        yield return new GeneratedFile("PipelineSdk.JobTransitions.g.cs", WriteTransitions(spec));
        yield return new GeneratedFile("PipelineSdk.Jobs.JobEventSender.g.cs", WriteSender(spec));
    }

    private static string WriteStateEnum(StateMachineSpec spec)
    {
        var members = new List<(string Identifier, string WireName, string Summary)>();
        foreach (var state in spec.States)
        {
            members.Add((state.Identifier, state.WireName, state.Description ?? "The " + state.WireName + " state."));
        }

        return WriteEnum("JobState", "JobStates", "state", spec.StatesDescription ?? "The states of a PipelineJob.", members);
    }

    private static string WriteEventEnum(StateMachineSpec spec)
    {
        var members = new List<(string Identifier, string WireName, string Summary)>();
        foreach (var jobEvent in spec.Events)
        {
            members.Add((jobEvent.Identifier, jobEvent.WireName, jobEvent.Description ?? "The " + jobEvent.WireName + " event."));
        }

        return WriteEnum("JobEvent", "JobEvents", "jobEvent", spec.EventsDescription ?? "The events of a PipelineJob.", members);
    }

    /// <summary>
    /// The enum plus the generated half of its names class: the stored names as the schema writes them, and parsing
    /// that ignores case as the original does. No reflection; the runtime adds the throwing <c>Parse</c>.
    /// </summary>
    private static string WriteEnum(string name, string namesClass, string parameter, string summary, List<(string Identifier, string WireName, string Summary)> members)
    {
        var writer = new SourceWriter().WriteHeader().WriteLine("namespace PipelineSdk;").WriteLine();
        writer.WriteSummary(summary);
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("public enum " + name);
        var wireNames = new List<string>();
        foreach (var (identifier, wireName, memberSummary) in members)
        {
            writer.WriteSummary(memberSummary);
            writer.WriteLine(identifier + ",");
            wireNames.Add(Identifiers.StringLiteral(wireName));
        }

        writer.CloseBlock().WriteLine();
        writer.WriteLine("/// <summary>Conversions between <see cref=\"" + name + "\"/> and its stored name.</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("public static partial class " + namesClass);
        writer.WriteSummary("Every name as stored, in definition order.");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<string> WireNames { get; } =");
        writer.WriteLine("    global::System.Array.AsReadOnly(new string[] { " + string.Join(", ", wireNames) + " });");
        writer.WriteLine();
        writer.WriteSummary("The stored name, as the schema writes it.");
        writer.WriteLine("public static string ToWireName(this global::PipelineSdk." + name + " " + parameter + ") => " + parameter + " switch");
        writer.WriteLine("{");
        foreach (var (identifier, wireName, _) in members)
        {
            writer.WriteLine("    global::PipelineSdk." + name + "." + identifier + " => " + Identifiers.StringLiteral(wireName) + ",");
        }

        writer.WriteLine("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(" + parameter + "), " + parameter + ", \"Not a value of " + name + ".\"),");
        writer.WriteLine("};");
        writer.WriteLine();
        writer.WriteSummary("Parses a stored name, ignoring case (ASCII letters only, as the original).");
        writer.OpenBlock("public static bool TryParse([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name, out global::PipelineSdk." + name + " " + parameter + ")");
        writer.WriteLine(parameter + " = default;");
        writer.OpenBlock("if (name is null || name.Length == 0)");
        writer.WriteLine("return false;");
        writer.CloseBlock().WriteLine();
        writer.OpenBlock("foreach (var c in name)");
        writer.OpenBlock("if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.CloseBlock().WriteLine();
        writer.OpenBlock("switch (name.ToLowerInvariant())");
        foreach (var (identifier, wireName, _) in members)
        {
            writer.WriteLine("case " + Identifiers.StringLiteral(wireName.ToLowerInvariant()) + ": " + parameter + " = global::PipelineSdk." + name + "." + identifier + "; return true;");
        }

        writer.WriteLine("default: return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.CloseBlock().ToString();
    }

    private static string WriteTransitions(StateMachineSpec spec)
    {
        var writer = new SourceWriter().WriteHeader().WriteLine("namespace PipelineSdk;").WriteLine();
        writer.WriteSummary("The state machine's transition table, generated from x-pipelinejob-fsm: the single source of truth for which event may be sent from which state.");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("internal static partial class JobTransitions");
        foreach (var jobEvent in spec.Events)
        {
            var sources = new List<string>();
            foreach (var source in jobEvent.Sources)
            {
                sources.Add(State + "." + source);
            }

            writer.WriteLine("private static readonly global::System.Collections.Generic.IReadOnlyList<" + State + "> s_" + jobEvent.Identifier + "Sources =");
            writer.WriteLine("    global::System.Array.AsReadOnly(new " + State + "[] { " + string.Join(", ", sources) + " });");
        }

        writer.WriteLine();
        writer.WriteSummary("The state of a new job.");
        writer.WriteLine("public static " + State + " Initial => " + State + "." + spec.InitialState + ";");
        writer.WriteLine();
        writer.WriteSummary("The states an event may be sent from, in the schema's order.");
        WriteSwitch(writer, "public static global::System.Collections.Generic.IReadOnlyList<" + State + "> SourcesOf(" + Event + " jobEvent)", spec,
            e => "s_" + e.Identifier + "Sources");
        writer.WriteLine();
        writer.WriteSummary("The state an event moves the job to, or null when the event does not change the state.");
        WriteSwitch(writer, "public static " + State + "? DestinationOf(" + Event + " jobEvent)", spec,
            e => e.Destination is null ? "null" : State + "." + e.Destination);
        writer.WriteLine();
        writer.WriteSummary("Who may send an event.");
        WriteSwitch(writer, "public static " + Access + " AccessOf(" + Event + " jobEvent)", spec, e => Access + "." + e.Access);
        return writer.CloseBlock().ToString();
    }

    private static void WriteSwitch(SourceWriter writer, string signature, StateMachineSpec spec, System.Func<EventSpec, string> valueOf)
    {
        writer.WriteLine(signature + " => jobEvent switch");
        writer.WriteLine("{");
        foreach (var jobEvent in spec.Events)
        {
            writer.WriteLine("    " + Event + "." + jobEvent.Identifier + " => " + valueOf(jobEvent) + ",");
        }

        writer.WriteLine("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(jobEvent), jobEvent, \"Not a PipelineJob event.\"),");
        writer.WriteLine("};");
    }

    private static string WriteSender(StateMachineSpec spec)
    {
        var writer = new SourceWriter().WriteHeader().WriteLine("namespace PipelineSdk.Jobs;").WriteLine();
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("public abstract partial class JobEventSender");
        var first = true;
        foreach (var jobEvent in spec.Events)
        {
            if (jobEvent.MethodName is null)
            {
                continue;
            }

            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            WriteSendMethod(writer, jobEvent);
        }

        return writer.CloseBlock().ToString();
    }

    private static void WriteSendMethod(SourceWriter writer, EventSpec jobEvent)
    {
        writer.WriteSummary(jobEvent.Description ?? "Sends the " + jobEvent.WireName + " event.");
        writer.WriteLine("/// <remarks>Sends the <c>" + jobEvent.WireName + "</c> event: " + TransitionText(jobEvent) + "</remarks>");
        if (jobEvent.RequiresAdminToken)
        {
            writer.WriteLine("/// <param name=\"adminToken\">A valid administrative token; the event is refused without one.</param>");
        }

        writer.WriteLine("/// <param name=\"data\">The event's payload, stored in its history entry.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the operation.</param>");
        writer.WriteLine("/// <returns>The job as stored after the event.</returns>");
        var adminParameter = jobEvent.RequiresAdminToken ? "global::PipelineSdk.Tokens.AdminToken adminToken, " : string.Empty;
        writer.OpenBlock("public " + Snapshot + " " + jobEvent.MethodName + "(" + adminParameter +
            "global::System.Text.Json.Nodes.JsonObject? data = null, global::System.Threading.CancellationToken cancellationToken = default)");
        if (jobEvent.RequiresAdminToken)
        {
            writer.WriteLine("if (adminToken is null)");
            writer.WriteLine("{");
            writer.WriteLine("    throw new global::System.ArgumentNullException(nameof(adminToken), \"The " + jobEvent.WireName + " event needs an admin token.\");");
            writer.WriteLine("}");
            writer.WriteLine();
        }

        var token = jobEvent.RequiresAdminToken ? "adminToken" : "null";
        writer.WriteLine("return SendEventAsync(" + Event + "." + jobEvent.Identifier + ", data, " + token + ", cancellationToken);");
        writer.CloseBlock();
    }

    private static string TransitionText(EventSpec jobEvent)
    {
        var from = "allowed from " + string.Join(", ", jobEvent.Sources);
        var to = jobEvent.Destination is null ? "; the state does not change." : "; moves the job to " + jobEvent.Destination + ".";
        return from + to;
    }
}
