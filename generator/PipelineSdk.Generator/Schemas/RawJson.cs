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
            var segment = JsonPointer.Unescape(rawSegment);
            current = current switch
            {
                JObject obj => obj[segment],
                JArray array when int.TryParse(segment, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
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
        var targetPath = filePart.Length == 0 ? path : SchemaLibrary.ResolvePath(path, filePart);
        var pointer = JsonPointer.FromFragment(fragment);
        if (!library.Contains(targetPath) || Select(library.Raw(targetPath), pointer) is null)
        {
            diagnostics.Report(DiagnosticDescriptors.UnresolvableReference, path, refPointer, refPointer, reference);
            return null;
        }

        return (targetPath, pointer);
    }
}
