namespace PipelineSdk.Cli.Arguments;

/// <summary>How error messages quote what the user gave: whole when short, else its start and its length.</summary>
public static class Quote
{
    /// <summary>The most characters of a value an error message repeats.</summary>
    public const int MaxLength = 64;

    /// <summary><c>'value'</c>, or <c>'first 60 characters…' (N characters)</c> for a long value.</summary>
    public static string Short(string value) =>
        value.Length <= MaxLength ? $"'{value}'" : $"'{value[..(MaxLength - 4)]}…' ({value.Length} characters)";

    /// <summary><paramref name="message"/> with every long value of <paramref name="values"/> it repeats shortened.</summary>
    public static string Shorten(string message, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => v.Length > MaxLength).Distinct().OrderByDescending(v => v.Length))
        {
            message = message.Replace($"'{value}'", Short(value), StringComparison.Ordinal)
                .Replace(value, value[..(MaxLength - 4)] + "…", StringComparison.Ordinal);
        }

        return message;
    }
}
