using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PipelineSdk.Jobs;

/// <summary>
/// Checks the index requests of a job: archive requests need <c>level</c> (alias <c>processing_level</c>)
/// and <c>patterns</c> (alias <c>filters</c>); product requests need <c>patterns</c> and <c>derived_from</c>. Every
/// pattern must be a valid regular expression. Problems name the option, the item and the key.
/// </summary>
internal static class IndexPatterns
{
    /// <summary>The original's CATALOG_MAX_INDEX_PATTERNS: at least this many requests only draw a warning.</summary>
    public const int RecommendedMaximum = 512;

    private static readonly string[] Levels = ["0", "1", "2", "3", "Reference", "User", "Unknown"];

    /// <summary>Adds a problem for each malformed request of <paramref name="requests"/> to <paramref name="problems"/>.</summary>
    public static void Validate(JsonArray? requests, string option, bool product, List<string> problems)
    {
        for (var i = 0; i < (requests?.Count ?? 0); i++)
        {
            var where = $"{option}[{i}]";
            if (requests![i] is not JsonObject request)
            {
                problems.Add($"{where} must be an object.");
                continue;
            }

            if (product)
            {
                RequireStrings(request, where, "derived_from", null, problems);
            }
            else
            {
                var level = request["level"] ?? request["processing_level"];
                if (level is not JsonValue value || !value.TryGetValue<string>(out var text) || !Levels.Contains(text))
                {
                    problems.Add($"{where}.level must be one of {string.Join(", ", Levels.Select(l => $"\"{l}\""))}; got {level?.ToJsonString() ?? "nothing"}.");
                }
            }

            foreach (var pattern in RequireStrings(request, where, "patterns", product ? null : "filters", problems))
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    problems.Add($"{where}.patterns: '{pattern}' is not a valid regular expression ({ex.Message}).");
                }
            }
        }
    }

    private static List<string> RequireStrings(JsonObject request, string where, string key, string? alias, List<string> problems)
    {
        var node = request[key] ?? (alias is null ? null : request[alias]);
        var strings = new List<string>();
        if (node is not JsonArray array)
        {
            problems.Add($"{where}.{key} must be a list of strings; got {node?.ToJsonString() ?? "nothing"}.");
            return strings;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                strings.Add(text);
            }
            else
            {
                problems.Add($"{where}.{key}[{i}] must be a string.");
            }
        }

        return strings;
    }
}
