using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;

namespace PipelineSdk.Python;

/// <summary>
/// Locates the string System.Text.Json refuses to read: JSON text with a lone surrogate escape such as
/// <c>"\ud800"</c>. Python would read it, but MongoDB (and so the original) cannot store it, so such data is
/// refused with its JSON path instead of failing deep inside System.Text.Json. Only runs after a failure.
/// </summary>
internal static class UnreadableStrings
{
    public static PipelineJobValidationException Error(string path) =>
        new($"{path}: a JSON string or key holds a lone surrogate escape (such as \\ud800), which is not valid text and cannot be stored.");

    public static string? Find(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                KeyValuePair<string, JsonNode?>[] members;
                try
                {
                    members = obj.ToArray();
                }
                catch (InvalidOperationException)
                {
                    return obj.GetPath();
                }

                return members.Select(member => Find(member.Value)).FirstOrDefault(path => path is not null);
            case JsonArray array:
                return array.Select(Find).FirstOrDefault(path => path is not null);
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                return Find(element, value.GetPath());
            default:
                return null;
        }
    }

    public static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!CanRead(() => property.Name))
                    {
                        return path;
                    }

                    if (Find(property.Value, path + "." + property.Name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String:
                return CanRead(element.GetString) ? null : path;
            default:
                return null;
        }
    }

    private static bool CanRead(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
