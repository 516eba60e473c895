using System.Text.Json.Nodes;

namespace PipelineSdk.Stores;

/// <summary>One entry of a job's history, as stored: <c>{date, data, name, uuid}</c>.</summary>
/// <param name="Date">When the event was applied (UTC, whole seconds).</param>
/// <param name="Data">The event's payload; the create entry carries the job's data; may be null.</param>
/// <param name="Name">The event.</param>
/// <param name="Uuid">A random typed UUID with prefix 108.</param>
public sealed record JobHistoryEntry(DateTimeOffset Date, JsonObject? Data, JobEvent Name, string Uuid);
