using System.Text.RegularExpressions;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// README.md's C# as a user copies it: every block marked runnable or compilable is a program that builds against
/// the packed package without a warning, and the C# quick start runs, twice, with no owner variable set.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class ReadmeSnippetTests(PackedFeed packed)
{
    /// <summary>The job uuid a Python client computes for the quick start's pipeline, experiment and data.</summary>
    private const string QuickStartJob = "107653ca-020f-5f03-9663-41cff415b087";

    /// <summary>No variable a job's owner could come from, as in most containers.</summary>
    private static readonly Dictionary<string, string?> NoOwner = new()
    {
        ["TACC_USERNAME"] = null, ["AGAVE_USERNAME"] = null, ["JUPYTERHUB_USER"] = null, ["_abaco_username"] = null, ["USER"] = null,
    };

    [Fact]
    public void Every_csharp_block_says_whether_it_runs_compiles_or_is_a_fragment()
    {
        var csharp = ReadmeBlocks.All.Where(block => block.Language == "csharp").ToList();

        Assert.NotEmpty(csharp);
        Assert.All(csharp, block => Assert.True(block.Marker is "run" or "compile" or "fragment",
            $"README.md line {block.Line}: put <!-- readme-test: run -->, compile or fragment on the line before the fence"));
    }

    [Fact]
    public void Runnable_blocks_build_without_warnings_and_the_quick_start_runs_without_an_owner_variable()
    {
        var root = Path.Combine(packed.Workspace, "readme");
        var blocks = ReadmeBlocks.All.Where(block => block.Language == "csharp" && block.Marker is "run" or "compile").ToList();
        foreach (var block in blocks)
        {
            packed.Write(Path.Combine("readme", NameOf(block), NameOf(block) + ".csproj"), ConsumerProject.ReferencingAllPackages);
            packed.Write(Path.Combine("readme", NameOf(block), "Program.cs"), block.Text);
        }

        ConsumerProject.BuildWithoutWarnings(root, blocks.Select(NameOf));

        foreach (var block in blocks.Where(block => block.Marker == "run"))
        {
            var run = ConsumerProject.Run(root, NameOf(block), NoOwner);
            Assert.True(run.ExitCode == 0, $"README.md line {block.Line}: {run}");
        }

        var quickStart = ReadmeBlocks.RunnableUnder("Quick start (C#)", "csharp");
        // Twice: the first run deletes its job at the end, so the second creates it again.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var run = ConsumerProject.Run(root, NameOf(quickStart), NoOwner);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches($@"^Job {QuickStartJob} is CREATED, archive path /products/v2/106508441baa55c5a4815e945b19c065/\S+$", run.Stdout.Split('\n')[0].TrimEnd());
            Assert.Equal(["create", "run", "update", "finish"], HistoryRow().Matches(run.Stdout).Select(match => match.Groups[1].Value));
            Assert.Contains("""update   {"percent":40}""", run.Stdout, StringComparison.Ordinal);
            Assert.EndsWith("After reset: CREATED", run.Stdout.TrimEnd(), StringComparison.Ordinal);
            Assert.DoesNotContain("example-admin-secret", run.Stdout + run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("EXAMPLE_nonce", run.Stdout + run.Stderr, StringComparison.Ordinal);
        }
    }

    private static string NameOf(ReadmeBlock block) => "ReadmeLine" + block.Line;

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ([a-z]+)", RegexOptions.Multiline)]
    private static partial Regex HistoryRow();
}
