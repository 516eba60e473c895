using System.ComponentModel;
using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Configuration;

/// <summary>
/// For generated code: the conversions and checks the generated configuration binders call (one copy here instead of
/// one per generated file). Values convert as environment overrides do (<see cref="ConfigValueParser"/>), so a value
/// means the same in config.yml and in a <c>_REACTOR_*</c> variable. Problems name the key path; the value of a
/// secret key is never repeated.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigBindingHelpers
{
    /// <summary>The key path of <paramref name="key"/> under <paramref name="path"/> (<c>a:b</c>).</summary>
    /// <param name="path">The parent's key path, empty at the root.</param>
    /// <param name="key">The child key.</param>
    /// <returns>The joined path.</returns>
    public static string Join(string path, string key) => path.Length == 0 ? key : path + ":" + key;

    /// <summary>Adds a problem for every child of <paramref name="section"/> that is not a declared key (any case).</summary>
    /// <param name="section">The section.</param>
    /// <param name="path">The section's key path.</param>
    /// <param name="known">The declared keys.</param>
    /// <param name="problems">Collects the problems.</param>
    public static void CheckKeys(IConfiguration section, string path, string[] known, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(Join(path, child.Key) + " is not a known setting");
            }
        }
    }

    /// <summary>Reads every child of a list section with <paramref name="readElement"/>; null when the section does not exist.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="section">The list section.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="readElement">Reads one element from its section and key path.</param>
    /// <returns>The elements, or null.</returns>
    public static IReadOnlyList<T>? ToList<T>(IConfigurationSection section, string path, Func<IConfigurationSection, string, T> readElement)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(readElement);
        if (!section.Exists())
        {
            return null;
        }

        var list = new List<T>();
        foreach (var element in section.GetChildren())
        {
            list.Add(readElement(element, Join(path, element.Key)));
        }

        return list;
    }

    /// <summary>Converts a value to a 64-bit integer; null (with a problem) when it is not one, null when absent.</summary>
    /// <param name="value">The raw value, or null when absent.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="secret">True for an <c>x-secret</c> key: the value stays out of the problem.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <returns>The integer, or null.</returns>
    public static long? ToInteger(string? value, string path, bool secret, List<string> problems) =>
        ConvertOrReport<long>(value, path, secret, problems, ConfigValueParser.TryParseInteger, "is not an integer");

    /// <summary>Converts a value to a finite number; null (with a problem) when it is not one, null when absent.</summary>
    /// <param name="value">The raw value, or null when absent.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="secret">True for an <c>x-secret</c> key: the value stays out of the problem.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <returns>The number, or null.</returns>
    public static double? ToNumber(string? value, string path, bool secret, List<string> problems) =>
        ConvertOrReport<double>(value, path, secret, problems, ConfigValueParser.TryParseNumber, "is not a finite number");

    /// <summary>
    /// Converts a value to a boolean with the table environment overrides use (<see cref="ConfigValueParser.TryParseBoolean"/>);
    /// null (with a problem) when it is not in the table, null when absent.
    /// </summary>
    /// <param name="value">The raw value, or null when absent.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="secret">True for an <c>x-secret</c> key: the value stays out of the problem.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <returns>The boolean, or null.</returns>
    public static bool? ToBoolean(string? value, string path, bool secret, List<string> problems) =>
        ConvertOrReport<bool>(value, path, secret, problems, ConfigValueParser.TryParseBoolean, "is not a boolean (" + ConfigValueParser.BooleanWords + ")");

    private delegate bool TryParse<T>(string? text, out T value);

    private static T? ConvertOrReport<T>(string? value, string path, bool secret, List<string> problems, TryParse<T> parse, string problem)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is null)
        {
            return null;
        }

        if (parse(value, out var parsed))
        {
            return parsed;
        }

        problems.Add(secret ? path + " " + problem : path + ": '" + value + "' " + problem);
        return null;
    }
}
