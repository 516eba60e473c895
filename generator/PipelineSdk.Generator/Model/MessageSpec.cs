namespace PipelineSdk.Generator.Model;

/// <summary>Everything emitted from one message schema: the message record, its nested records and enums.</summary>
/// <param name="SourcePath">The Message file.</param>
/// <param name="HintName">The generated file's hint name.</param>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="RootTypeName">The message record (from the root title).</param>
/// <param name="Objects">Every record, the message first.</param>
/// <param name="Enums">Every enum.</param>
internal sealed record MessageSpec(
    string SourcePath,
    string HintName,
    string Namespace,
    string RootTypeName,
    EquatableArray<ObjectTypeSpec> Objects,
    EquatableArray<EnumTypeSpec> Enums);
