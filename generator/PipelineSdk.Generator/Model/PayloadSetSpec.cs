namespace PipelineSdk.Generator.Model;

/// <summary>Everything emitted from one payload file: records, enums and typed extension methods.</summary>
/// <param name="SourcePath">The Events file.</param>
/// <param name="HintName">The generated file's hint name.</param>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="ExtensionsClassName">The static class holding the typed event methods.</param>
/// <param name="Payloads">One entry per event with a payload schema.</param>
/// <param name="Objects">Every record, payload roots first.</param>
/// <param name="Enums">Every enum.</param>
internal sealed record PayloadSetSpec(
    string SourcePath,
    string HintName,
    string Namespace,
    string ExtensionsClassName,
    EquatableArray<PayloadSpec> Payloads,
    EquatableArray<ObjectTypeSpec> Objects,
    EquatableArray<EnumTypeSpec> Enums);
