using PipelineSdk.Generator.Diagnostics;

namespace PipelineSdk.Generator.Model;

/// <summary>What one Events or Config file produced: its specs (null when it had errors) and its diagnostics.</summary>
/// <param name="Path">The file.</param>
/// <param name="StateMachine">The state machine, for the canonical event schema.</param>
/// <param name="Payloads">The payload records of an Events file with x-pipelinejob-payloads.</param>
/// <param name="Config">The settings records and binder of a Config file.</param>
/// <param name="Message">The message record of a Message file.</param>
/// <param name="Diagnostics">Everything reported about the file.</param>
internal sealed record ParsedFile(
    string Path,
    StateMachineSpec? StateMachine,
    PayloadSetSpec? Payloads,
    ConfigSpec? Config,
    MessageSpec? Message,
    EquatableArray<DiagnosticInfo> Diagnostics);
