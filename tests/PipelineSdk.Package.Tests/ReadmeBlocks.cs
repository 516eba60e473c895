using System.Text.RegularExpressions;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// The fenced code blocks of README.md. A block that a test runs or compiles says so in an HTML comment on the line
/// before its fence: <c>&lt;!-- readme-test: run --&gt;</c>, <c>compile</c>, or <c>fragment</c> for a piece of a
/// program that is not meant to build alone.
/// </summary>
internal static partial class ReadmeBlocks
{
    public static IReadOnlyList<ReadmeBlock> All { get; } = Parse(File.ReadAllLines(Repository.PathOf("README.md")));

    /// <summary>The one block of a language marked <c>run</c> under a heading.</summary>
    public static ReadmeBlock RunnableUnder(string heading, string language) =>
        Assert.Single(All, block => block.Heading == heading && block.Language == language && block.Marker == "run");

    private static List<ReadmeBlock> Parse(string[] lines)
    {
        var blocks = new List<ReadmeBlock>();
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                heading = lines[i].TrimStart('#').Trim();
                continue;
            }

            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var end = Array.FindIndex(lines, start + 1, line => line.StartsWith("```", StringComparison.Ordinal));
            Assert.True(end > start, $"README.md line {start + 1}: the code block is not closed");
            var marker = start > 0 ? Marker().Match(lines[start - 1]) : Match.Empty;
            blocks.Add(new ReadmeBlock(start + 1, heading, lines[start][3..].Trim(), marker.Success ? marker.Groups[1].Value : null,
                string.Join('\n', lines[(start + 1)..end]) + "\n"));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^<!-- readme-test: ([a-z]+) -->$")]
    private static partial Regex Marker();
}

/// <summary>One fenced block: its 1-based fence line, section heading, language, marker (or null) and text.</summary>
internal sealed record ReadmeBlock(int Line, string Heading, string Language, string? Marker, string Text);
