using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PipelineSdk.Errors;

namespace PipelineSdk.Jobs;

/// <summary>
/// The original's <c>refs_from_data_dict</c>: agave-canonical file or reference URIs found in the
/// <c>inputs</c> and <c>parameters</c> of a job's data, later resolved into <c>acted_on</c> and <c>acted_using</c>.
/// </summary>
internal static partial class DataReferences
{
    /// <summary>The storage system prefixed to bare paths, as the original does.</summary>
    public const string DefaultSystemUri = "agave://data-sd2e-community";

    /// <summary>The URIs of files (<c>/uploads/</c>, <c>/products/</c>) in <paramref name="data"/>.</summary>
    public static IReadOnlyList<string> Files(JsonObject data) => Find(data, FileUri(), FileStorePath());

    /// <summary>The URIs of references (<c>/reference/</c>, http(s) URLs) in <paramref name="data"/>.</summary>
    public static IReadOnlyList<string> References(JsonObject data) => Find(data, ReferenceUri(), ReferenceStorePath());

    private static List<string> Find(JsonObject data, Regex uri, Regex storePath)
    {
        var found = new List<string>();
        void Add(string value)
        {
            if (!found.Contains(value))
            {
                found.Add(value);
            }
        }

        switch (data["inputs"])
        {
            // Agave's form: every value is an input; a bare path gets the default system.
            case JsonObject inputs:
                foreach (var (name, value) in inputs)
                {
                    var text = RequireText(value, $"data.inputs.{name}");
                    Add(uri.IsMatch(text) ? text : DefaultSystemUri + text);
                }

                break;
            // A list: only values that look like URIs count (a bare path is ignored, as in the original).
            case JsonArray inputs:
                for (var i = 0; i < inputs.Count; i++)
                {
                    var text = RequireText(inputs[i], $"data.inputs[{i}]");
                    if (uri.IsMatch(text))
                    {
                        Add(text);
                    }
                }

                break;
        }

        if (data["parameters"] is JsonObject parameters)
        {
            foreach (var (name, value) in parameters)
            {
                var text = RequireText(value, $"data.parameters.{name}");
                if (uri.IsMatch(text))
                {
                    Add(text);
                }
                else if (storePath.IsMatch(text))
                {
                    Add(DefaultSystemUri + text);
                }
            }
        }

        return found;
    }

    // The original raises a TypeError on a non-string value; say where it is instead.
    private static string RequireText(JsonNode? value, string where) =>
        value is JsonValue json && json.TryGetValue<string>(out var text)
            ? text
            : throw new PipelineJobValidationException($"{where} must be a string (a file or reference URI); got {value?.ToJsonString() ?? "null"}.");

    // The original's patterns, used with re.search (anywhere in the text).
    [GeneratedRegex(@"(^agave://([a-z0-9-A-Z_-])+)?/(uploads|products)/", RegexOptions.CultureInvariant)]
    private static partial Regex FileUri();

    [GeneratedRegex("/uploads/|/products/", RegexOptions.CultureInvariant)]
    private static partial Regex FileStorePath();

    [GeneratedRegex(@"(^agave://([a-z0-9-A-Z_-])+)?/reference/|^(http:|https:)", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceUri();

    [GeneratedRegex("/reference/", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceStorePath();
}
