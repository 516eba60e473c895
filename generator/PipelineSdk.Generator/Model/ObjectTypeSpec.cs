namespace PipelineSdk.Generator.Model;

/// <summary>A generated record for an object schema.</summary>
/// <param name="Name">The C# type name (from the title, or the parent's name plus the property's).</param>
/// <param name="Description">The XML doc text.</param>
/// <param name="Properties">Its own properties, in schema order.</param>
/// <param name="ClosedKeys">True when <c>additionalProperties</c> is false (unknown config keys are problems).</param>
/// <param name="BaseType">The record it extends (a config schema's <c>allOf</c> of another file's root).</param>
/// <param name="BaseProperties">The inherited properties, which the binder also fills.</param>
internal sealed record ObjectTypeSpec(
    string Name,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    bool ClosedKeys,
    string? BaseType,
    EquatableArray<PropertySpec> BaseProperties);
