namespace PipelineSdk.Generator.Model;

/// <summary>The type of one property or array element and how it is checked.</summary>
/// <param name="Kind">The C# shape.</param>
/// <param name="TypeName">The <c>global::</c>-qualified C# type, without a nullable marker.</param>
/// <param name="IsValueType">True for long, double, bool and enums.</param>
/// <param name="AllowsNull">True when the schema's type includes "null".</param>
/// <param name="Item">The element of an array.</param>
/// <param name="JsonTypes">For <see cref="ValueKind.Json"/>: the allowed JSON types (empty means any).</param>
/// <param name="EnumHelper">For enums: the generated helper class with ToWireName/TryParse.</param>
/// <param name="EnumValues">For enums: the wire names, for messages.</param>
/// <param name="Constraints">The validation keywords.</param>
/// <param name="BinderMethod">For objects in a config: the method that binds one (maybe in another namespace).</param>
internal sealed record ValueSpec(
    ValueKind Kind,
    string TypeName,
    bool IsValueType,
    bool AllowsNull,
    ValueSpec? Item,
    EquatableArray<string> JsonTypes,
    string? EnumHelper,
    EquatableArray<string> EnumValues,
    ConstraintSpec Constraints,
    string? BinderMethod);
