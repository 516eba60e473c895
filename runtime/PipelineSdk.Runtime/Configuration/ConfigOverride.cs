using System.Text.Json.Nodes;

namespace PipelineSdk.Configuration;

/// <summary>One environment variable that overrides a declared key, with its value converted to the key's type.</summary>
/// <param name="Variable">The environment variable's name.</param>
/// <param name="Key">The key it overrides.</param>
/// <param name="Value">The converted value.</param>
internal sealed record ConfigOverride(string Variable, ConfigKey Key, JsonNode? Value);
