namespace PipelineSdk.Generator.Inputs;

/// <summary>One classified AdditionalFile with its text; the unit the rest of the pipeline works on.</summary>
/// <param name="Path">The file path with '/' separators; its identity for $ref resolution, hint names and diagnostics.</param>
/// <param name="Kind">What the file is to the generator.</param>
/// <param name="RawKind">The metadata value as written (for the unknown-kind diagnostic).</param>
/// <param name="Text">The file's text.</param>
/// <param name="Id">
/// A name other files' <c>$ref</c>s may use instead of a relative path (the <c>PipelineSdkSchemaId</c> metadata; the
/// package props give the canonical schemas <c>pipelinesdk:&lt;file name&gt;</c>), or null.
/// </param>
internal sealed record SchemaDocument(string Path, InputKind Kind, string RawKind, string Text, string? Id = null);
