using System;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Emit;

/// <summary>Writes the records and enums shared by payload files and config files.</summary>
internal static class TypeWriter
{
    /// <summary>An enum plus its <c>…Names</c> helper (wire names, parsing and a defined-value check without reflection).</summary>
    public static void WriteEnum(SourceWriter writer, EnumTypeSpec spec)
    {
        writer.WriteSummary(spec.Description ?? "The allowed values of " + spec.Name + ".");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("public enum " + spec.Name);
        foreach (var member in spec.Members)
        {
            writer.WriteSummary(member.Description, "<c>" + Identifiers.XmlText(member.WireName) + "</c>");
            writer.WriteLine(member.Identifier + ",");
        }

        writer.CloseBlock().WriteLine();
        var type = spec.Name;
        writer.WriteLine("/// <summary>Wire names of <see cref=\"" + type + "\"/>, without reflection.</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("public static partial class " + type + "Names");
        var allowed = new System.Collections.Generic.List<string>();
        foreach (var member in spec.Members)
        {
            allowed.Add(member.WireName);
        }

        writer.WriteSummary("The allowed values as written in JSON, for messages.");
        writer.WriteLine("public const string AllowedValues = " + Identifiers.StringLiteral(string.Join(", ", allowed)) + ";");
        writer.WriteLine();
        writer.WriteSummary("The value as written in JSON.");
        writer.WriteLine("public static string ToWireName(" + type + " value) => value switch");
        writer.WriteLine("{");
        foreach (var member in spec.Members)
        {
            writer.WriteLine("    " + type + "." + member.Identifier + " => " + Identifiers.StringLiteral(member.WireName) + ",");
        }

        writer.WriteLine("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a value of " + type + ".\"),");
        writer.WriteLine("};");
        writer.WriteLine();
        writer.WriteSummary("Parses a value as written in JSON (case-sensitive, as JSON Schema compares).");
        writer.OpenBlock("public static bool TryParse(string? text, out " + type + " value)");
        writer.OpenBlock("switch (text)");
        foreach (var member in spec.Members)
        {
            writer.WriteLine("case " + Identifiers.StringLiteral(member.WireName) + ": value = " + type + "." + member.Identifier + "; return true;");
        }

        writer.WriteLine("default: value = default; return false;");
        writer.CloseBlock().CloseBlock().WriteLine();
        writer.WriteSummary("True when the value is one of the declared members.");
        var checks = new System.Collections.Generic.List<string>();
        foreach (var member in spec.Members)
        {
            checks.Add(type + "." + member.Identifier);
        }

        writer.WriteLine("public static bool IsDefined(" + type + " value) => " + (checks.Count == 0 ? "false" : "value is " + string.Join(" or ", checks)) + ";");
        writer.CloseBlock();
    }

    /// <summary>A record with its properties; <paramref name="writeMembers"/> adds the rest of the body.</summary>
    /// <param name="interfaceType">An interface the record implements, if any.</param>
    public static void WriteRecord(SourceWriter writer, ObjectTypeSpec spec, string modifiers, string? fallbackSummary, Action<SourceWriter> writeMembers, string? interfaceType = null)
    {
        writer.WriteSummary(spec.Description ?? fallbackSummary ?? "The " + spec.Name + " object.");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
        var bases = new System.Collections.Generic.List<string>();
        if (spec.BaseType is not null)
        {
            bases.Add(spec.BaseType);
        }

        if (interfaceType is not null)
        {
            bases.Add(interfaceType);
        }

        var baseClause = bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
        writer.OpenBlock("public " + modifiers + " record " + spec.Name + baseClause);
        foreach (var property in spec.Properties)
        {
            writer.WriteSummary(property.Description, "The <c>" + Identifiers.XmlText(property.JsonName) + "</c> value.");
            var required = property.Required ? "required " : string.Empty;
            var initializer = property.HasValueDefault && !property.Required ? " = " + property.DefaultExpression + ";" : string.Empty;
            writer.WriteLine("public " + required + property.DeclaredType + " " + property.Identifier + " { get; init; }" + initializer);
            writer.WriteLine();
        }

        WritePrintMembers(writer, spec, modifiers.Contains("sealed"));
        writeMembers(writer);
        writer.CloseBlock();
    }

    /// <summary>
    /// The value a reader puts into the record from its nullable local: the schema default when absent, and the
    /// type's default (or a null-forgiven reference) for a required value that was reported missing.
    /// </summary>
    public static string FinalValue(PropertySpec property, string local)
    {
        if (!property.IsNonNullable)
        {
            return local;
        }

        if (property.HasValueDefault)
        {
            return local + " ?? " + property.DefaultExpression;
        }

        return property.Value.IsValueType ? local + " ?? default" : local + "!";
    }

    /// <summary>Records print every property; secrets (<c>x-secret</c>) are printed as <c>*****</c> instead.</summary>
    private static void WritePrintMembers(SourceWriter writer, ObjectTypeSpec spec, bool isSealed)
    {
        var hasSecret = false;
        foreach (var property in spec.Properties)
        {
            hasSecret |= property.Secret;
        }

        if (!hasSecret)
        {
            return;
        }

        var modifier = isSealed ? "private" : spec.BaseType is null ? "protected virtual" : "protected override";
        writer.WriteLine("/// <summary>Prints the properties with secrets redacted, so a settings object can be logged.</summary>");
        writer.WriteLine("/// <param name=\"builder\">The text being built by ToString.</param>");
        writer.WriteLine("/// <returns>True when something was printed.</returns>");
        writer.OpenBlock(modifier + " bool PrintMembers(global::System.Text.StringBuilder builder)");
        var first = true;
        if (spec.BaseType is not null)
        {
            writer.WriteLine("var printed = base.PrintMembers(builder);");
        }

        foreach (var property in spec.Properties)
        {
            var separator = first && spec.BaseType is null ? string.Empty : ", ";
            if (first && spec.BaseType is not null)
            {
                writer.WriteLine("builder.Append(printed ? \", \" : string.Empty);");
                separator = string.Empty;
            }

            var value = property.Secret ? "(" + property.Identifier + " is null ? \"null\" : \"*****\")" : "(object?)" + property.Identifier;
            writer.WriteLine("builder.Append(" + Identifiers.StringLiteral(separator + property.Identifier + " = ") + ").Append(" + value + ");");
            first = false;
        }

        writer.WriteLine("return true;");
        writer.CloseBlock().WriteLine();
    }
}
