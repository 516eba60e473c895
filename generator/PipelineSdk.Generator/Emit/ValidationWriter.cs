using System.Collections.Generic;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Emit;

/// <summary>
/// Writes reflection-free checks of one value against its schema keywords. Every problem message starts with the
/// value's location (a JSON pointer for payloads, a key path for config) and never contains the value itself.
/// </summary>
internal static class ValidationWriter
{
    private const string Regex = "global::System.Text.RegularExpressions.Regex";

    /// <summary>Checks a value that is known not to be null.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="spec">The value's type and keywords.</param>
    /// <param name="value">A C# expression of the value (non-null).</param>
    /// <param name="location">A C# expression of the value's location.</param>
    /// <param name="separator">Separator before an array index: "/" for pointers, ":" for key paths.</param>
    /// <param name="depth">Nesting depth, for unique loop variables.</param>
    /// <param name="nestedRecords">True when nested records have ValidateInto (payloads); config records are checked while bound.</param>
    public static void WriteChecks(SourceWriter writer, ValueSpec spec, string value, string location, string separator, int depth, bool nestedRecords)
    {
        var c = spec.Constraints;
        switch (spec.Kind)
        {
            case ValueKind.String:
                Check(writer, c.MinLength is { } min ? value + ".Length < " + min : null, location, "must be at least " + c.MinLength + " character(s) long");
                Check(writer, c.MaxLength is { } max ? value + ".Length > " + max : null, location, "must be at most " + c.MaxLength + " character(s) long");
                Check(writer, c.Pattern is { } pattern ? "!" + Regex + ".IsMatch(" + value + ", " + Identifiers.StringLiteral(pattern) + ")" : null, location, "must match the pattern " + c.Pattern);
                break;
            case ValueKind.Integer:
            case ValueKind.Number:
                Check(writer, c.Minimum is null ? null : value + (c.ExclusiveMinimum ? " <= " : " < ") + c.Minimum, location, (c.ExclusiveMinimum ? "must be greater than " : "must be at least ") + c.Minimum);
                Check(writer, c.Maximum is null ? null : value + (c.ExclusiveMaximum ? " >= " : " > ") + c.Maximum, location, (c.ExclusiveMaximum ? "must be less than " : "must be at most ") + c.Maximum);
                break;
            case ValueKind.Enum:
                writer.OpenBlock("if (!" + spec.EnumHelper + ".IsDefined(" + value + "))");
                writer.WriteLine("problems.Add(" + location + " + \" must be one of \" + " + spec.EnumHelper + ".AllowedValues);");
                writer.CloseBlock();
                break;
            case ValueKind.Array:
                WriteArrayChecks(writer, spec, value, location, separator, depth, nestedRecords);
                break;
            case ValueKind.Json when spec.JsonTypes.Count > 0:
                WriteJsonTypeCheck(writer, spec, value, location);
                break;
        }
    }

    private static void WriteArrayChecks(SourceWriter writer, ValueSpec spec, string value, string location, string separator, int depth, bool nestedRecords)
    {
        var c = spec.Constraints;
        Check(writer, c.MinItems is { } min ? value + ".Count < " + min : null, location, "must have at least " + c.MinItems + " item(s)");
        Check(writer, c.MaxItems is { } max ? value + ".Count > " + max : null, location, "must have at most " + c.MaxItems + " item(s)");
        var item = spec.Item!;
        var index = "i" + depth;
        var element = "item" + depth;
        var itemLocation = location + " + \"" + separator + "\" + " + index + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
        var itemWriter = new SourceWriter();
        WriteValueChecks(itemWriter, item, element, itemLocation, separator, depth + 1, declaredNullable: item.AllowsNull, nestedRecords);
        var body = itemWriter.ToString();
        if (body.Length == 0)
        {
            return;
        }

        writer.OpenBlock("for (var " + index + " = 0; " + index + " < " + value + ".Count; " + index + "++)");
        writer.WriteLine("var " + element + " = " + value + "[" + index + "];");
        writer.WriteLine(body.TrimEnd('\n'));
        writer.CloseBlock();
    }

    /// <summary>
    /// Null handling plus <see cref="WriteChecks"/> and nested-record checks for one value. A null where the declared
    /// type is not nullable (possible for reference types despite the annotations) is reported as required.
    /// </summary>
    public static void WriteValueChecks(SourceWriter writer, ValueSpec spec, string value, string location, string separator, int depth, bool declaredNullable, bool nestedRecords)
    {
        var required = !declaredNullable;
        var checks = new SourceWriter();
        WriteChecks(checks, spec, spec.IsValueType && declaredNullable ? value + ".Value" : value, location, separator, depth, nestedRecords);
        if (nestedRecords && spec.Kind == ValueKind.Object)
        {
            checks.WriteLine(value + ".ValidateInto(problems, " + location + ");");
        }

        var body = checks.ToString().TrimEnd('\n');
        var nullable = !spec.IsValueType || declaredNullable;
        if (!nullable)
        {
            if (body.Length > 0)
            {
                writer.WriteLine(body);
            }

            return;
        }

        if (required)
        {
            writer.OpenBlock("if (" + value + " is null)");
            writer.WriteLine("problems.Add(" + location + " + \" is required\");");
            writer.CloseBlock();
            if (body.Length > 0)
            {
                writer.OpenBlock("else");
                writer.WriteLine(body);
                writer.CloseBlock();
            }

            return;
        }

        if (body.Length > 0)
        {
            writer.OpenBlock("if (" + value + " is not null)");
            writer.WriteLine(body);
            writer.CloseBlock();
        }
    }

    private static void WriteJsonTypeCheck(SourceWriter writer, ValueSpec spec, string value, string location)
    {
        var tests = new List<string>();
        foreach (var type in spec.JsonTypes)
        {
            tests.Add(type switch
            {
                "string" => "kind == global::System.Text.Json.JsonValueKind.String",
                "integer" => "(kind == global::System.Text.Json.JsonValueKind.Number && decimal.TryParse(" + value + ".ToJsonString(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var number) && decimal.Truncate(number) == number)",
                "number" => "kind == global::System.Text.Json.JsonValueKind.Number",
                "boolean" => "kind is global::System.Text.Json.JsonValueKind.True or global::System.Text.Json.JsonValueKind.False",
                "object" => "kind == global::System.Text.Json.JsonValueKind.Object",
                _ => "kind == global::System.Text.Json.JsonValueKind.Array",
            });
        }

        writer.OpenBlock("if (" + value + ".GetValueKind() is var kind && !(" + string.Join(" || ", tests) + "))");
        writer.WriteLine("problems.Add(" + location + " + \" must be of type " + string.Join(" or ", spec.JsonTypes) + "\");");
        writer.CloseBlock();
    }

    private static void Check(SourceWriter writer, string? condition, string location, string problem)
    {
        if (condition is null)
        {
            return;
        }

        writer.OpenBlock("if (" + condition + ")");
        writer.WriteLine("problems.Add(" + location + " + " + Identifiers.StringLiteral(" " + problem) + ");");
        writer.CloseBlock();
    }
}
