namespace PipelineSdk.Generator.References;

/// <summary>One <c>$ref</c> to another file.</summary>
/// <param name="Pointer">The JSON pointer of the <c>$ref</c> member.</param>
/// <param name="Reference">The reference as written.</param>
/// <param name="FilePart">The part before <c>#</c>: an id or a relative path.</param>
internal sealed record FileReference(string Pointer, string Reference, string FilePart);
