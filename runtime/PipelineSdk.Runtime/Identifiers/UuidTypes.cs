using System.Diagnostics.CodeAnalysis;
using PipelineSdk.Errors;

namespace PipelineSdk.Identifiers;

/// <summary>The prefix and the stored name of each <see cref="UuidType"/>, as the Python original defines them.</summary>
public static class UuidTypes
{
    // Explicit table (no reflection): the names and prefixes are wire data shared with the Python original.
    private static readonly (UuidType Type, string Name, string Prefix)[] Table =
    [
        (UuidType.Generic, "generic", "100"),
        (UuidType.ChallengeProblem, "challenge_problem", "101"),
        (UuidType.Experiment, "experiment", "102"),
        (UuidType.Sample, "sample", "103"),
        (UuidType.Measurement, "measurement", "104"),
        (UuidType.File, "file", "105"),
        (UuidType.Pipeline, "pipeline", "106"),
        (UuidType.PipelineJob, "pipelinejob", "107"),
        (UuidType.PipelineJobEvent, "pipelinejob_event", "108"),
        (UuidType.Reference, "reference", "109"),
        (UuidType.Product, "product", "110"),
        (UuidType.Upload, "upload", "111"),
        (UuidType.ExperimentDesign, "experiment_design", "114"),
        (UuidType.InputClassifier, "input_classifier", "115"),
        (UuidType.Fixity, "fixity", "116"),
        (UuidType.Process, "process", "117"),
        (UuidType.Annotation, "annotation", "118"),
        (UuidType.InlineAnnotation, "inline_annotation", "119"),
        (UuidType.Query, "query", "120"),
        (UuidType.Dashboard, "dashboard", "121"),
        (UuidType.TagAnnotation, "tag_annotation", "122"),
        (UuidType.TextAnnotation, "text_annotation", "123"),
        (UuidType.Association, "association", "124"),
        (UuidType.StructuredRequest, "structured_request", "125"),
    ];

    /// <summary>Every type, in the order of the original's table.</summary>
    public static IReadOnlyList<UuidType> All { get; } = Array.ConvertAll(Table, row => row.Type);

    /// <summary>Every stored type name, in the order of the original's table.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(Table, row => row.Name);

    /// <summary>The three hex digits that start every UUID of this type, e.g. <c>107</c> for a pipeline job.</summary>
    public static string Prefix(this UuidType type) => Row(type).Prefix;

    /// <summary>The original's snake_case name of the type, e.g. <c>pipelinejob_event</c>.</summary>
    public static string Name(this UuidType type) => Row(type).Name;

    /// <summary>Parses a snake_case type name, ignoring case as the original's <c>validate_type</c> does.</summary>
    public static bool TryParseName([NotNullWhen(true)] string? name, out UuidType type)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                type = row.Type;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Parses a snake_case type name, or throws naming the bad value and listing the valid names.</summary>
    /// <exception cref="PipelineJobValidationException">The name is not a known type.</exception>
    public static UuidType ParseName(string name) =>
        TryParseName(name, out var type)
            ? type
            : throw new PipelineJobValidationException($"'{name}' is not a typed UUID type; expected one of: {string.Join(", ", Names)}.");

    /// <summary>Finds the type whose prefix is <paramref name="prefix"/> (three hex digits, any case).</summary>
    internal static bool TryParsePrefix(ReadOnlySpan<char> prefix, out UuidType type)
    {
        foreach (var row in Table)
        {
            if (prefix.Equals(row.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                type = row.Type;
                return true;
            }
        }

        type = default;
        return false;
    }

    private static (UuidType Type, string Name, string Prefix) Row(UuidType type)
    {
        foreach (var row in Table)
        {
            if (row.Type == type)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined UuidType.");
    }
}
