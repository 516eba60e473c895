using System.Text.Json.Nodes;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;
using PipelineSdk;

namespace HelloReactor;

/// <summary>Prints a job's history as a fixed-width table: date (UTC), event, data.</summary>
internal static class HistoryTable
{
    public static void Write(TextWriter output, IReadOnlyList<JobHistoryEntry> history)
    {
        output.WriteLine($"{"date (UTC)",-23} {"event",-9} data");
        output.WriteLine($"{new string('-', 23)} {new string('-', 9)} {new string('-', 40)}");
        foreach (var entry in history)
        {
            output.WriteLine($"{entry.Date.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} {entry.Name.ToWireName(),-9} {Compact(entry.Data)}");
        }
    }

    private static string Compact(JsonObject? data)
    {
        var text = data?.ToJsonString() ?? "";
        return text.Length <= 100 ? text : text[..97] + "...";
    }
}
