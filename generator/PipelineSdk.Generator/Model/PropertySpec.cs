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
    /// <summary>True when the default is a real value (not null), so the property is never unset.</summary>
    public bool HasValueDefault => DefaultExpression is not null && DefaultExpression != "null";

    /// <summary>Never null: the schema forbids null and the value is required or has a default.</summary>
    public bool IsNonNullable => !Value.AllowsNull && (Required || HasValueDefault);

    /// <summary>The declared C# type, with exact nullability.</summary>
    public string DeclaredType => IsNonNullable ? Value.TypeName : Value.TypeName + "?";
}
