namespace PipelineSdk.Generator.Model;

/// <summary>The validation keywords of one value; numbers are kept as invariant C# literals.</summary>
/// <param name="Pattern">The regular expression a string must match.</param>
/// <param name="Minimum">The lower bound of a number.</param>
/// <param name="ExclusiveMinimum">True when the lower bound itself is not allowed.</param>
/// <param name="Maximum">The upper bound of a number.</param>
/// <param name="ExclusiveMaximum">True when the upper bound itself is not allowed.</param>
/// <param name="MinLength">The least string length.</param>
/// <param name="MaxLength">The greatest string length.</param>
/// <param name="MinItems">The least array length.</param>
/// <param name="MaxItems">The greatest array length.</param>
internal sealed record ConstraintSpec(
    string? Pattern,
    string? Minimum,
    bool ExclusiveMinimum,
    string? Maximum,
    bool ExclusiveMaximum,
    int? MinLength,
    int? MaxLength,
    int? MinItems,
    int? MaxItems)
{
    public static readonly ConstraintSpec None = new(null, null, false, null, false, null, null, null, null);
}
