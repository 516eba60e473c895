using System.Collections.Generic;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Emit;

/// <summary>
/// Emits one config file: settings records (secrets redacted when printed), enums, and a binder that reads
/// <c>IConfiguration</c> without reflection, converts each value to its declared type, applies defaults and throws one
/// exception listing every problem by key path. Values of <c>x-secret</c> keys never appear in messages.
/// </summary>
internal static class ConfigEmitter
{
    private const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
    private const string Problems = "global::System.Collections.Generic.List<string>";
    private const string Exists = "global::Microsoft.Extensions.Configuration.ConfigurationExtensions.Exists";
    private const string ConfigKey = "global::PipelineSdk.Configuration.ConfigKey";
    private const string ConfigValueType = "global::PipelineSdk.Configuration.ConfigValueType";
    private const string KeyList = "global::System.Collections.Generic.List<" + ConfigKey + ">";

    /// <summary>The runtime's conversions and checks for generated binders (one copy, shared with environment overrides).</summary>
    private const string Helpers = "global::PipelineSdk.Configuration.ConfigBindingHelpers";

    public static IEnumerable<GeneratedFile> Emit(ConfigSpec spec)
    {
        var writer = new SourceWriter().WriteHeader().WriteUserNamespace(spec.Namespace);
        foreach (var type in spec.Enums)
        {
            TypeWriter.WriteEnum(writer, type);
            writer.WriteLine();
        }

        foreach (var type in spec.Objects)
        {
            TypeWriter.WriteRecord(writer, type, "partial", "Settings bound by <see cref=\"" + spec.BinderClassName + "\"/>.", static _ => { });
            writer.WriteLine();
        }

        WriteBinder(writer, spec);
        yield return new GeneratedFile(spec.HintName, writer.ToString());
    }

    private static void WriteBinder(SourceWriter writer, ConfigSpec spec)
    {
        writer.WriteLine("/// <summary>Binds <see cref=\"" + spec.RootTypeName + "\"/> from configuration without reflection (trim and AOT safe).</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute).OpenBlock("public static partial class " + spec.BinderClassName);
        writer.WriteLine("/// <summary>Binds the settings, converting each value to its declared type and applying defaults.</summary>");
        writer.WriteLine("/// <param name=\"configuration\">The configuration root (config.yml merged with the environment).</param>");
        writer.WriteLine("/// <returns>The settings.</returns>");
        writer.WriteLine("/// <exception cref=\"global::PipelineSdk.Errors.PipelineJobValidationException\">Lists every problem, each naming its key path.</exception>");
        writer.OpenBlock("public static " + spec.RootTypeName + " Bind(" + Configuration + " configuration)");
        writer.WriteLine("if (configuration is null) throw new global::System.ArgumentNullException(nameof(configuration));");
        writer.WriteLine("var problems = new " + Problems + "();");
        writer.WriteLine("var settings = Bind" + spec.RootTypeName + "(configuration, string.Empty, problems);");
        writer.WriteLine("if (problems.Count > 0) throw new global::PipelineSdk.Errors.PipelineJobValidationException(problems);");
        writer.WriteLine("return settings;");
        writer.CloseBlock().WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Every key the schema declares (sections of extended schemas included), with its type and <c>x-secret</c> flag:");
        writer.WriteLine("/// the declared key set of the <c>_REACTOR_*</c> environment overrides. Lists of objects have no key.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + ConfigKey + "> Keys { get; } = CollectKeys();");
        writer.WriteLine();
        writer.OpenBlock("private static global::System.Collections.Generic.IReadOnlyList<" + ConfigKey + "> CollectKeys()");
        writer.WriteLine("var keys = new " + KeyList + "();");
        writer.WriteLine("AddKeysOf" + spec.RootTypeName + "(string.Empty, keys);");
        writer.WriteLine("return keys.AsReadOnly();");
        writer.CloseBlock();
        foreach (var type in spec.Objects)
        {
            writer.WriteLine();
            WriteBindMethod(writer, type);
            writer.WriteLine();
            WriteKeysMethod(writer, type);
        }

        foreach (var type in spec.Enums)
        {
            writer.WriteLine();
            writer.OpenBlock("private static " + type.Name + "? To" + type.Name + "(string? value, string path, " + Problems + " problems)");
            writer.WriteLine("if (value is null) return null;");
            writer.WriteLine("if (" + type.Name + "Names.TryParse(value, out var parsed)) return parsed;");
            writer.WriteLine("problems.Add(path + \" must be one of \" + " + type.Name + "Names.AllowedValues);");
            writer.WriteLine("return null;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static void WriteBindMethod(SourceWriter writer, ObjectTypeSpec type)
    {
        var all = AllProperties(type);
        writer.WriteLine("/// <summary>Binds a <see cref=\"" + type.Name + "\"/> from one configuration section, adding every problem to <paramref name=\"problems\"/>.</summary>");
        writer.WriteLine("/// <param name=\"section\">The section.</param>");
        writer.WriteLine("/// <param name=\"path\">The section's key path, for messages.</param>");
        writer.WriteLine("/// <param name=\"problems\">Collects the problems.</param>");
        writer.WriteLine("/// <returns>The settings (incomplete when problems were added).</returns>");
        writer.OpenBlock("public static " + type.Name + " Bind" + type.Name + "(" + Configuration + " section, string path, " + Problems + " problems)");
        if (type.ClosedKeys)
        {
            var keys = new List<string>();
            foreach (var property in all)
            {
                keys.Add(Identifiers.StringLiteral(property.JsonName));
            }

            writer.WriteLine(Helpers + ".CheckKeys(section, path, new[] { " + string.Join(", ", keys) + " }, problems);");
        }

        for (var i = 0; i < all.Count; i++)
        {
            WriteReadProperty(writer, all[i], "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteLine("return new " + type.Name);
        writer.WriteLine("{");
        for (var i = 0; i < all.Count; i++)
        {
            writer.WriteLine("    " + all[i].Identifier + " = " + TypeWriter.FinalValue(all[i], "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ",");
        }

        writer.WriteLine("};");
        writer.CloseBlock();
    }

    private static void WriteKeysMethod(SourceWriter writer, ObjectTypeSpec type)
    {
        writer.WriteLine("/// <summary>Adds the keys of a <see cref=\"" + type.Name + "\"/> section at <paramref name=\"path\"/> to <paramref name=\"keys\"/>.</summary>");
        writer.WriteLine("/// <param name=\"path\">The section's key path.</param>");
        writer.WriteLine("/// <param name=\"keys\">Collects the keys.</param>");
        writer.OpenBlock("public static void AddKeysOf" + type.Name + "(string path, " + KeyList + " keys)");
        foreach (var property in AllProperties(type))
        {
            var location = Helpers + ".Join(path, " + Identifiers.StringLiteral(property.JsonName) + ")";
            var value = property.Value;
            if (value.Kind == ValueKind.Object)
            {
                writer.WriteLine(KeysMethod(value) + "(" + location + ", keys);");
            }
            else if (KeyType(value) is { } keyType)
            {
                writer.WriteLine("keys.Add(new " + ConfigKey + "(" + location + ", " + ConfigValueType + "." + keyType + ", " + (property.Secret ? "true" : "false") + "));");
            }
        }

        writer.CloseBlock();
    }

    /// <summary>The <c>ConfigValueType</c> member of a leaf value, or null for values no override can set (lists of objects or lists).</summary>
    private static string? KeyType(ValueSpec value) => value.Kind switch
    {
        ValueKind.String or ValueKind.Enum => "String",
        ValueKind.Integer => "Integer",
        ValueKind.Number => "Number",
        ValueKind.Boolean => "Boolean",
        ValueKind.Json => value.JsonTypes.Count == 1 && value.JsonTypes[0] == "object" ? "Object" : "String",
        ValueKind.Array => value.Item!.Kind switch
        {
            ValueKind.String or ValueKind.Enum => "StringArray",
            ValueKind.Integer => "IntegerArray",
            ValueKind.Number => "NumberArray",
            ValueKind.Boolean => "BooleanArray",
            _ => null,
        },
        _ => null,
    };

    /// <summary><c>…BindX</c> → <c>…AddKeysOfX</c>: the keys method sits next to the binder method, maybe in another file's binder.</summary>
    private static string KeysMethod(ValueSpec value)
    {
        var typeName = value.TypeName.Substring(value.TypeName.LastIndexOf('.') + 1);
        var binder = value.BinderMethod!;
        return binder.Substring(0, binder.Length - ("Bind" + typeName).Length) + "AddKeysOf" + typeName;
    }

    private static List<PropertySpec> AllProperties(ObjectTypeSpec type)
    {
        var all = new List<PropertySpec>(type.BaseProperties);
        all.AddRange(type.Properties);
        return all;
    }

    private static void WriteReadProperty(SourceWriter writer, PropertySpec property, string local)
    {
        var key = Identifiers.StringLiteral(property.JsonName);
        var location = Helpers + ".Join(path, " + key + ")";
        var value = property.Value;
        var read = value.Kind == ValueKind.Object || value.Kind == ValueKind.Array
            ? ReadSection(value, "section.GetSection(" + key + ")", location, property.Secret, local + "Section")
            : Convert(value, "section[" + key + "]", location, property.Secret);
        writer.WriteLine("var " + local + " = " + read + ";");
        if (property.Required)
        {
            // Absent, not merely unconvertible: a value that failed to convert already has its own problem.
            var absent = value.Kind is ValueKind.Object or ValueKind.Array
                ? "!" + Exists + "(section.GetSection(" + key + "))"
                : "section[" + key + "] is null";
            writer.WriteLine("if (" + absent + ") problems.Add(" + location + " + \" is required\");");
        }

        var checks = new SourceWriter();
        ValidationWriter.WriteChecks(checks, value, local + "Value", location, ":", 0, nestedRecords: false);
        var body = checks.ToString().TrimEnd('\n');
        if (body.Length > 0)
        {
            writer.OpenBlock("if (" + local + " is { } " + local + "Value)");
            writer.WriteLine(body);
            writer.CloseBlock();
        }
    }

    /// <summary>Converts a raw string (possibly null) to the value's type; null when absent or not convertible.</summary>
    private static string Convert(ValueSpec value, string raw, string location, bool secret)
    {
        var secretLiteral = secret ? "true" : "false";
        return value.Kind switch
        {
            ValueKind.String => raw,
            ValueKind.Integer => Helpers + ".ToInteger(" + raw + ", " + location + ", " + secretLiteral + ", problems)",
            ValueKind.Number => Helpers + ".ToNumber(" + raw + ", " + location + ", " + secretLiteral + ", problems)",
            ValueKind.Boolean => Helpers + ".ToBoolean(" + raw + ", " + location + ", " + secretLiteral + ", problems)",
            ValueKind.Enum => "To" + value.TypeName.Substring(value.TypeName.LastIndexOf('.') + 1) + "(" + raw + ", " + location + ", problems)",
            _ => "(" + raw + " is { } text ? (global::System.Text.Json.Nodes.JsonNode?)global::System.Text.Json.Nodes.JsonValue.Create(text) : null)",
        };
    }

    /// <summary>Binds an object or array from a child section; null when the section does not exist.</summary>
    private static string ReadSection(ValueSpec value, string section, string location, bool secret, string name)
    {
        if (value.Kind == ValueKind.Object)
        {
            return "(" + section + " is var " + name + " && " + Exists + "(" + name + ") ? " + value.BinderMethod + "(" + name + ", " + location + ", problems) : null)";
        }

        var item = value.Item!;
        var itemType = item.AllowsNull ? item.TypeName + "?" : item.TypeName;
        string itemValue;
        if (item.Kind == ValueKind.Object || item.Kind == ValueKind.Array)
        {
            itemValue = item.Kind == ValueKind.Object
                ? item.BinderMethod + "(element, elementPath, problems)"
                : ReadSection(item, "element", "elementPath", secret, name + "Element");
        }
        else
        {
            itemValue = Convert(item, "element.Value", "elementPath", secret);
        }

        if (!item.AllowsNull)
        {
            itemValue = "(" + itemValue + ")" + (item.Kind == ValueKind.Object ? string.Empty : " ?? default!");
        }

        return Helpers + ".ToList<" + itemType + ">(" + section + ", " + location + ", (element, elementPath) => " + itemValue + ")";
    }
}
