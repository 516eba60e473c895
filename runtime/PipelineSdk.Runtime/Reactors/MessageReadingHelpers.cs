using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Reactors;

/// <summary>
/// For generated code: the reflection-free readers that generated message records call (one copy here instead of one
/// per generated file). Every problem starts with the JSON pointer of the value (<c>(root)</c> for the root); a
/// pointer recorded in <c>failed</c> could not be read, so later schema checks at or below it are dropped.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MessageReadingHelpers
{
    /// <summary>Reports a value that cannot be read and marks its pointer as failed.</summary>
    /// <param name="pointer">The value's JSON pointer.</param>
    /// <param name="problem">What is wrong, e.g. <c>must be of type string</c>.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <param name="failed">Collects the pointers that could not be read.</param>
    public static void Fail(string pointer, string problem, List<string> problems, HashSet<string> failed)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(failed);
        problems.Add((pointer.Length == 0 ? "(root)" : pointer) + " " + problem);
        failed.Add(pointer);
    }

    /// <summary>The schema violations, without those at (or below) a value that could not be read.</summary>
    /// <param name="violations">The violations, each starting with its pointer.</param>
    /// <param name="failed">The pointers that could not be read.</param>
    /// <returns>The violations that still apply.</returns>
    public static IEnumerable<string> WithoutFailed(List<string> violations, HashSet<string> failed)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(failed);
        return violations.Where(violation => !failed.Any(pointer =>
            violation.StartsWith(pointer + " ", StringComparison.Ordinal) || violation.StartsWith(pointer + "/", StringComparison.Ordinal)));
    }

    /// <summary>Adds a problem for every member of <paramref name="json"/> that is not a declared property (additionalProperties false).</summary>
    /// <param name="json">The object.</param>
    /// <param name="pointer">Its JSON pointer.</param>
    /// <param name="known">The declared property names.</param>
    /// <param name="problems">Collects the problems.</param>
    public static void CheckKeys(JsonObject json, string pointer, string[] known, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var property in json)
        {
            if (Array.IndexOf(known, property.Key) < 0)
            {
                problems.Add(pointer + "/" + property.Key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) + " is not allowed (additionalProperties is false)");
            }
        }
    }

    /// <summary>Reads a JSON string; null (failed) for any other kind.</summary>
    /// <param name="node">The value (not null).</param>
    /// <param name="pointer">Its JSON pointer.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <param name="failed">Collects the pointers that could not be read.</param>
    /// <returns>The text, or null.</returns>
    public static string? ToText(JsonNode node, string pointer, List<string> problems, HashSet<string> failed)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.GetValueKind() == JsonValueKind.String)
        {
            return node.GetValue<string>();
        }

        Fail(pointer, "must be of type string", problems, failed);
        return null;
    }

    /// <summary>Reads a JSON integer (<c>1.0</c> is one, as in JSON Schema) that fits 64 bits; null (failed) otherwise.</summary>
    /// <param name="node">The value (not null).</param>
    /// <param name="pointer">Its JSON pointer.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <param name="failed">Collects the pointers that could not be read.</param>
    /// <returns>The integer, or null.</returns>
    public static long? ToInteger(JsonNode node, string pointer, List<string> problems, HashSet<string> failed)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && decimal.Truncate(number) == number && number >= long.MinValue && number <= long.MaxValue)
        {
            return (long)number;
        }

        Fail(pointer, "must be of type integer", problems, failed);
        return null;
    }

    /// <summary>Reads a JSON number; null (failed) for any other kind.</summary>
    /// <param name="node">The value (not null).</param>
    /// <param name="pointer">Its JSON pointer.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <param name="failed">Collects the pointers that could not be read.</param>
    /// <returns>The number, or null.</returns>
    public static double? ToNumber(JsonNode node, string pointer, List<string> problems, HashSet<string> failed)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.GetValueKind() == JsonValueKind.Number
            && double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Fail(pointer, "must be of type number", problems, failed);
        return null;
    }

    /// <summary>Reads JSON <c>true</c> or <c>false</c>; null (failed) for any other kind.</summary>
    /// <param name="node">The value (not null).</param>
    /// <param name="pointer">Its JSON pointer.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <param name="failed">Collects the pointers that could not be read.</param>
    /// <returns>The boolean, or null.</returns>
    public static bool? ToBoolean(JsonNode node, string pointer, List<string> problems, HashSet<string> failed)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
        }

        Fail(pointer, "must be of type boolean", problems, failed);
        return null;
    }

    /// <summary>Reads a JSON array item by item; null (failed) when the value is not an array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="node">The value (not null).</param>
    /// <param name="pointer">Its JSON pointer.</param>
    /// <param name="itemsMayBeNull">False: a null item is a problem.</param>
    /// <param name="problems">Collects the problems.</param>
    /// <param name="failed">Collects the pointers that could not be read.</param>
    /// <param name="readItem">Reads one non-null item from its node and pointer.</param>
    /// <returns>The items, or null.</returns>
    public static IReadOnlyList<T>? ToList<T>(JsonNode node, string pointer, bool itemsMayBeNull, List<string> problems, HashSet<string> failed, Func<JsonNode, string, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (node is not JsonArray array)
        {
            Fail(pointer, "must be of type array", problems, failed);
            return null;
        }

        var list = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var itemPointer = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (array[i] is { } item)
            {
                list.Add(readItem(item, itemPointer));
            }
            else
            {
                if (!itemsMayBeNull)
                {
                    Fail(itemPointer, "must not be null", problems, failed);
                }

                list.Add(default!);
            }
        }

        return list;
    }
}
