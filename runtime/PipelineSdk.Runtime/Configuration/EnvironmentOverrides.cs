namespace PipelineSdk.Configuration;

/// <summary>
/// Finds the environment variables that override configuration keys, as the Python reactors SDK does (tacconfig's
/// <c>_REACTOR_&lt;SECTION&gt;_&lt;KEY&gt;</c> (one or two levels) and <c>_REACTOR_&lt;LEVEL&gt;__&lt;LEVEL&gt;…</c> at any
/// depth, both upper-cased. Names are matched against the declared key set, never split, so underscores inside key
/// names are not ambiguous; a variable with the prefix that matches no declared key is an error.
/// </summary>
internal static class EnvironmentOverrides
{
    /// <summary>Resolves and converts every override, or throws one exception listing every problem.</summary>
    /// <exception cref="ReactorConfigurationException">An override names no key, is ambiguous, repeats another, or does not convert.</exception>
    public static IReadOnlyList<ConfigOverride> Resolve(
        IReadOnlyCollection<ConfigKey> keys,
        IReadOnlyDictionary<string, string> environment,
        string prefix,
        IReadOnlyCollection<string> ignoredVariables)
    {
        var byName = IndexByVariableName(keys, prefix);
        var problems = new List<string>();
        var overrides = new List<ConfigOverride>();
        var setBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (variable, text) in environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!variable.StartsWith(prefix + "_", StringComparison.OrdinalIgnoreCase)
                || ignoredVariables.Contains(variable, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!byName.TryGetValue(variable, out var candidates))
            {
                problems.Add($"{variable} overrides no declared configuration key (check the spelling, or declare the key in the config schema)");
                continue;
            }

            if (candidates.Count > 1)
            {
                problems.Add($"{variable} is ambiguous: it names {string.Join(" and ", candidates.Select(c => c.Path))}; use the form with __ between levels");
                continue;
            }

            var key = candidates[0];
            if (setBy.TryGetValue(key.Path, out var other))
            {
                problems.Add($"{variable} and {other} both override {key.Path}; set only one");
                continue;
            }

            setBy[key.Path] = variable;
            var value = ConfigValueParser.TryConvert(text, key.Type, out var problem);
            if (problem is not null)
            {
                var shown = key.Secret ? "the value (not shown: secret)" : $"'{text}'";
                problems.Add($"{variable} (key {key.Path}, declared {key.Type}): {shown} {problem}");
                continue;
            }

            overrides.Add(new ConfigOverride(variable, key, value));
        }

        return problems.Count > 0 ? throw new ReactorConfigurationException(problems) : overrides;
    }

    /// <summary>The variable names that may override each key (upper-case; matching ignores case).</summary>
    public static IEnumerable<string> VariableNames(ConfigKey key, string prefix)
    {
        var levels = key.Path.Split(':');
        var deep = $"{prefix}_{string.Join("__", levels)}".ToUpperInvariant();
        yield return deep;
        if (levels.Length == 2)
        {
            yield return $"{prefix}_{string.Join("_", levels)}".ToUpperInvariant();
        }
    }

    private static Dictionary<string, List<ConfigKey>> IndexByVariableName(IReadOnlyCollection<ConfigKey> keys, string prefix)
    {
        var byName = new Dictionary<string, List<ConfigKey>>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            foreach (var name in VariableNames(key, prefix))
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                if (!list.Contains(key))
                {
                    list.Add(key);
                }
            }
        }

        return byName;
    }
}
