using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Parsing;

/// <summary>
/// Cross-file checks over every parsed file (cheap: specs only): one state machine at most, no two files emitting
/// the same type or hint name. Sorts by path so the order of AdditionalFiles never matters.
/// </summary>
internal static class ModelResolver
{
    public static GenerationModel Resolve(ImmutableArray<ParsedFile> files, CancellationToken cancellationToken)
    {
        var sorted = new List<ParsedFile>(files);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var diagnostics = new List<DiagnosticInfo>();
        var reported = new HashSet<DiagnosticInfo>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var stateMachines = new List<StateMachineSpec>();
        var payloadSets = new List<PayloadSetSpec>();
        var configs = new List<ConfigSpec>();
        var messages = new List<MessageSpec>();
        if (sorted.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoInputs, null));
        }

        foreach (var file in sorted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var diagnostic in file.Diagnostics)
            {
                // A broken file every dependant reads is reported once, not once per dependant.
                if (reported.Add(diagnostic))
                {
                    diagnostics.Add(diagnostic);
                }
            }

            if (file.StateMachine is { } machine && Claim(owners, file.Path, diagnostics, "global::PipelineSdk.JobState"))
            {
                stateMachines.Add(machine);
            }

            if (file.Payloads is { } payloads && ClaimAll(owners, file.Path, diagnostics, payloads.HintName, payloads.Namespace, payloads.Objects, payloads.Enums))
            {
                payloadSets.Add(payloads);
            }

            if (file.Config is { } config && ClaimAll(owners, file.Path, diagnostics, config.HintName, config.Namespace, config.Objects, config.Enums))
            {
                configs.Add(config);
            }

            if (file.Message is { } message && ClaimAll(owners, file.Path, diagnostics, message.HintName, message.Namespace, message.Objects, message.Enums))
            {
                messages.Add(message);
            }
        }

        return new GenerationModel(stateMachines.ToEquatableArray(), payloadSets.ToEquatableArray(), configs.ToEquatableArray(), messages.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static bool ClaimAll(
        Dictionary<string, string> owners,
        string path,
        List<DiagnosticInfo> diagnostics,
        string hintName,
        string ns,
        EquatableArray<ObjectTypeSpec> objects,
        EquatableArray<EnumTypeSpec> enums)
    {
        var names = new List<string> { "hint:" + hintName };
        foreach (var type in objects)
        {
            names.Add("global::" + ns + "." + type.Name);
        }

        foreach (var type in enums)
        {
            names.Add("global::" + ns + "." + type.Name);
        }

        foreach (var name in names)
        {
            if (owners.TryGetValue(name, out var owner) && owner != path)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateType, SourceSpan.FileStart(path), DiagnosticCollector.FileName(path), name, DiagnosticCollector.FileName(owner)));
                return false;
            }
        }

        foreach (var name in names)
        {
            owners[name] = path;
        }

        return true;
    }

    private static bool Claim(Dictionary<string, string> owners, string path, List<DiagnosticInfo> diagnostics, string name)
    {
        if (owners.TryGetValue(name, out var owner))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateType, SourceSpan.FileStart(path), DiagnosticCollector.FileName(path), name, DiagnosticCollector.FileName(owner)));
            return false;
        }

        owners[name] = path;
        return true;
    }
}
