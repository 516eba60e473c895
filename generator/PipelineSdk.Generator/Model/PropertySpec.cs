namespace PipelineSdk.Generator.Model;

/// <summary>One property of a generated record.</summary>
/// <param name="JsonName">The name in JSON or the configuration key.</param>
/// <param name="Identifier">The C# property name.</param>
/// <param name="Description">The XML doc text.</param>
/// <param name="Value">Its type and checks.</param>
/// <param name="Required">True when listed in the schema's <c>required</c>.</param>
/// <param name="DefaultExpression">A C# expression for the schema's <c>default</c>, if any.</param>
/// <param name="Secret">True for <c>x-secret</c> values: never printed, never echoed in messages.</param>
internal sealed record PropertySpec(
    string JsonName,
    string Identifier,
    string? Description,
    ValueSpec Value,
    bool Required,
    string? DefaultExpression,
    bool Secret)
{
    /// <summary>The declared C# type: nullable unless required and not nullable in the schema.</summary>
    public string DeclaredType => Required && !Value.AllowsNull ? Value.TypeName : Value.TypeName + "?";
}
