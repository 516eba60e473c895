using System.Collections;

namespace PipelineSdk.Configuration;

/// <summary>A read-only snapshot of the process environment; nothing here ever writes to it.</summary>
internal static class ProcessEnvironment
{
    /// <summary>Copies the current process environment (names are case-sensitive, as on Linux).</summary>
    public static IReadOnlyDictionary<string, string> Snapshot()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? "";
        }

        return result;
    }
}
