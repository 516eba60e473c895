namespace PipelineSdk.Generator.Model;

/// <summary>Everything emitted from the canonical event schema: the enums, the transition table and the sender.</summary>
/// <param name="SourcePath">The Events file the spec comes from (for hint-name collision checks).</param>
/// <param name="EventsDescription">The event-name schema's description (XML doc of <c>JobEvent</c>).</param>
/// <param name="StatesDescription">The state-name schema's description (XML doc of <c>JobState</c>).</param>
/// <param name="States">The states in definition order.</param>
/// <param name="Events">The events in definition order.</param>
/// <param name="InitialState">The <c>JobState</c> member of a new job.</param>
internal sealed record StateMachineSpec(
    string SourcePath,
    string? EventsDescription,
    string? StatesDescription,
    EquatableArray<EnumMemberSpec> States,
    EquatableArray<EventSpec> Events,
    string InitialState);
