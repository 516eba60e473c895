using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PipelineSdk.Stores.Internal;

/// <summary>
/// Reads single configuration keys by their full path and collects every problem, so one error can list them all.
/// Problems name the key and, for values that are not secret, the value found.
/// </summary>
internal sealed class ConfigurationReader(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>True when the section has at least one key with a value.</summary>
    public bool HasSection(string section) => configuration.GetSection(section).AsEnumerable().Any(pair => !string.IsNullOrEmpty(pair.Value));

    /// <summary>The text of a key; null when it is absent or empty.</summary>
    public string? Text(string key) => configuration[key] is { Length: > 0 } value ? value : null;

    /// <summary>A whole number in a range; null (and a problem) when it is malformed or out of range.</summary>
    public int? Integer(string key, int minimum, int maximum)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        Add($"{key} must be a whole number from {minimum} to {maximum}; got '{text}'.");
        return null;
    }

    /// <summary>Records a problem.</summary>
    public void Add(string problem) => _problems.Add(problem);
}
