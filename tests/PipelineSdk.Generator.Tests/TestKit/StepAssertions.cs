using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PipelineSdk.Generator.Tests.TestKit;

/// <summary>Checks on the tracked steps of an incremental generator run.</summary>
public static class StepAssertions
{
    /// <summary>Every tracked stage name, read from the generator's TrackingNames so a new stage is covered automatically.</summary>
    public static IReadOnlyList<string> TrackingNames { get; } =
        [.. typeof(PipelineGenerator).Assembly.GetType("PipelineSdk.Generator.TrackingNames")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)];

    /// <summary>Every tracked step and every output produced nothing new.</summary>
    public static void AllCached(GeneratorDriverRunResult run)
    {
        var result = run.Results.Single();
        foreach (var (name, steps) in result.TrackedSteps)
        {
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} was {output.Reason}");
            }
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"output {name} was {output.Reason}");
            }
        }
    }

    /// <summary>The reasons of one tracked step's outputs.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriverRunResult run, string stepName) =>
        [.. run.Results.Single().TrackedSteps.TryGetValue(stepName, out var steps) ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason) : []];

    /// <summary>Walks every step output's object graph and fails on Roslyn objects that would root a compilation.</summary>
    public static void NoBannedObjects(GeneratorDriverRunResult run)
    {
        foreach (var (name, steps) in run.Results.Single().TrackedSteps.Where(step => TrackingNames.Contains(step.Key)))
        {
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void Walk(object? node, string path, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        Assert.False(
            node is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or AdditionalText or SourceText or Diagnostic,
            $"{path} holds a {node.GetType().Name}");
        if (node is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, path + "[" + index++ + "]", seen);
            }

            return;
        }

        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(node), path + "." + field.Name, seen);
        }
    }
}
