using Newtonsoft.Json.Linq;
using PipelineSdk.Generator.Diagnostics;

namespace PipelineSdk.Generator.Schemas;

/// <summary>Helpers over the raw JSON of a schema file (for vendor extensions NJsonSchema does not model).</summary>
internal static class RawJson
{
    /// <summary>The token at a JSON pointer, or null.</summary>
    public static JToken? Select(JToken root, string pointer)
    {
        var current = root;
        if (pointer.Length == 0)
        {
            return current;
        }

        foreach (var rawSegment in pointer.Substring(1).Split('/'))
        {
            current = Child(current, JsonPointer.Unescape(rawSegment));
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A member of an object or an element of an array by its (unescaped) pointer segment, or null.</summary>
    public static JToken? Child(JToken? parent, string segment) => parent switch
    {
        JObject obj => obj[segment],
        JArray array when int.TryParse(segment, out var i) && i >= 0 && i < array.Count => array[i],
        _ => null,
    };

    /// <summary>Reports every <c>$ref</c> of a file that does not resolve (before NJsonSchema, which would throw).</summary>
    public static bool CheckReferences(SchemaLibrary library, string path, DiagnosticCollector diagnostics)
    {
        var resolved = true;
        foreach (var token in library.Raw(path).Descendants())
        {
            if (token is JProperty { Name: "$ref", Value: JValue { Type: JTokenType.String } value } property)
            {
                var pointer = PointerOf(property);
                resolved &= FollowReference(library, path, pointer, value.Value<string>()!, diagnostics) is not null;
            }
        }

        return resolved;
    }

    /// <summary>The JSON pointer of a token (its property name for a property).</summary>
    public static string PointerOf(JToken token)
    {
        var segments = new System.Collections.Generic.List<string>();
        for (var current = token; current.Parent is not null; current = current.Parent)
        {
            if (current is JProperty property)
            {
                segments.Add(JsonPointer.Escape(property.Name));
            }
            else if (current.Parent is JArray array)
            {
                segments.Add(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        segments.Reverse();
        return segments.Count == 0 ? string.Empty : "/" + string.Join("/", segments);
    }

    /// <summary>
    /// Follows a <c>$ref</c> written at <paramref name="refPointer"/> of <paramref name="path"/> to its file and
    /// pointer, reporting PSDK1102 when the file is not in the library or the pointer names nothing.
    /// </summary>
    public static (string Path, string Pointer)? FollowReference(
        SchemaLibrary library, string path, string refPointer, string reference, DiagnosticCollector diagnostics)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash);
        var targetPath = filePart.Length == 0 ? path : library.ResolvePath(path, filePart);
        var pointer = JsonPointer.FromFragment(fragment);
        if (!library.Contains(targetPath) || library.Node(targetPath, pointer) is null)
        {
            diagnostics.Report(DiagnosticDescriptors.UnresolvableReference, path, refPointer, refPointer, reference);
            return null;
        }

        return (targetPath, pointer);
    }
}
