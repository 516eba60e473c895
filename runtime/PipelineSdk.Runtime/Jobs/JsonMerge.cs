using System.Text.Json.Nodes;

namespace PipelineSdk.Jobs;

/// <summary>The original's <c>data_merge</c>: objects merge recursively, the right side wins for anything else.</summary>
internal static class JsonMerge
{
    /// <summary>A new object: <paramref name="left"/> with <paramref name="right"/> merged over it (inputs unchanged).</summary>
    public static JsonObject Merge(JsonObject left, JsonObject? right)
    {
        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right ?? [])
        {
            merged[key] = merged[key] is JsonObject mine && value is JsonObject theirs ? Merge(mine, theirs) : value?.DeepClone();
        }

        return merged;
    }
}
