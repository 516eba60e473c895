using System.Text.Json.Nodes;
using PipelineSdk.Python;

namespace PipelineSdk.Identifiers;

/// <summary>
/// The id of a pipeline job, byte-compatible with the original's <c>get_typeduuid</c>: the pipeline UUID,
/// <c>repr()</c> of the sorted <c>child_of</c> list and the canonical JSON of the job's data, sorted by code point,
/// joined with <c>:</c> and turned into a <see cref="UuidType.PipelineJob"/> typed UUID. Session, archive path,
/// agent and task are not part of it, so the same pipeline, metadata and data always give the same job.
/// </summary>
public static class JobUuid
{
    /// <summary>The job UUID (prefix 107) of a pipeline, its <c>child_of</c> UUIDs and its setup-time data.</summary>
    public static string Compute(string pipelineUuid, IEnumerable<string> childOf, JsonObject data) =>
        TypedUuid.Create(CanonicalText(pipelineUuid, childOf, data), UuidType.PipelineJob);

    /// <summary>
    /// The text the job UUID hashes, e.g.
    /// <c>10650844-…:['10483e8d-…']:{"param1":"value1"}</c>. The values are used as given (not validated).
    /// </summary>
    public static string CanonicalText(string pipelineUuid, IEnumerable<string> childOf, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(pipelineUuid);
        ArgumentNullException.ThrowIfNull(data);
        string[] parts = [pipelineUuid, PythonRepr.List(SortedChildOf(childOf)), PythonJson.Dumps(data)];
        Array.Sort(parts, CodePointComparer.Instance);
        return string.Join(':', parts);
    }

    /// <summary>The <c>child_of</c> UUIDs sorted as Python's <c>sorted()</c> sorts them, rejecting null items.</summary>
    internal static string[] SortedChildOf(IEnumerable<string> childOf)
    {
        ArgumentNullException.ThrowIfNull(childOf);
        var sorted = childOf.ToArray();
        var nullAt = Array.FindIndex(sorted, item => item is null);
        if (nullAt >= 0)
        {
            throw new ArgumentException($"childOf[{nullAt}] is null.", nameof(childOf));
        }

        Array.Sort(sorted, CodePointComparer.Instance);
        return sorted;
    }
}
