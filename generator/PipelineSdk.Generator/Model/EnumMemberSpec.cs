namespace PipelineSdk.Generator.Model;

/// <summary>One member of a generated enum.</summary>
/// <param name="WireName">The value as written in JSON (e.g. <c>CREATED</c>).</param>
/// <param name="Identifier">The C# member name (e.g. <c>Created</c>).</param>
/// <param name="Description">The XML doc text, if the schema gives one.</param>
internal sealed record EnumMemberSpec(string WireName, string Identifier, string? Description);
