using PipelineSdk.Generator.Diagnostics;

namespace PipelineSdk.Generator.Model;

/// <summary>The whole compilation's output plan after cross-file checks, sorted by file path.</summary>
/// <param name="StateMachines">At most one state machine.</param>
/// <param name="PayloadSets">One payload set per Events file with payloads.</param>
/// <param name="Configs">One binder per Config file.</param>
/// <param name="Messages">One message record per Message file.</param>
/// <param name="Diagnostics">Every diagnostic, per-file ones first.</param>
internal sealed record GenerationModel(
    EquatableArray<StateMachineSpec> StateMachines,
    EquatableArray<PayloadSetSpec> PayloadSets,
    EquatableArray<ConfigSpec> Configs,
    EquatableArray<MessageSpec> Messages,
    EquatableArray<DiagnosticInfo> Diagnostics);
