namespace PipelineSdk.Generator.Model;

/// <summary>A generated enum for a string schema with an <c>enum</c>.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">The XML doc text.</param>
/// <param name="Members">The members in schema order.</param>
internal sealed record EnumTypeSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members);
