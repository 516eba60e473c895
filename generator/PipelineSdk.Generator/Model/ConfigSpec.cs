namespace PipelineSdk.Generator.Model;

/// <summary>Everything emitted from one config schema: settings records, enums and the binder.</summary>
/// <param name="SourcePath">The Config file.</param>
/// <param name="HintName">The generated file's hint name.</param>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="RootTypeName">The root settings record (from the root title).</param>
/// <param name="BinderClassName">The static binder class (root name plus <c>Binder</c>).</param>
/// <param name="Objects">Every settings record, root first.</param>
/// <param name="Enums">Every enum.</param>
internal sealed record ConfigSpec(
    string SourcePath,
    string HintName,
    string Namespace,
    string RootTypeName,
    string BinderClassName,
    EquatableArray<ObjectTypeSpec> Objects,
    EquatableArray<EnumTypeSpec> Enums);
