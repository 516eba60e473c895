using System.Text.RegularExpressions;
using PipelineSdk.Jobs;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// A user project that references the packed PipelineSdk and misuses the generated API: the mistakes are compile
/// errors at the call, not run-time failures.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class ConsumerCompileErrorTests(PackedFeed packed)
{
    private const string Program = """
        using PipelineSdk.Configuration;
        using PipelineSdk.Jobs;
        using PipelineSdk.Stores.Embedded;

        namespace Consumer;

        internal static class Program
        {
            private static async Task Main()
            {
                using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = "jobs.db" });
                var job = await ManagedPipelineJob.CreateAsync(store, new PipelinesSettings { PipelineUuid = "10650844-1baa-55c5-a481-5e945b19c065" });
                await job.SetupAsync();
                await job.RunAsync();
                await job.UpdateAsync(new Progress { Percent = 10 });
                await job.FailAsync(new FailNote { Reason = "out of disk" });
                await job.RunnAsync();                                    // misspelt event
                await job.UpdateAsync(new FailNote { Reason = "wrong" });  // the fail payload given to update
                await job.ResetAsync();                                   // an admin event without an admin token
            }
        }
        """;

    /// <summary>Payload schemas of <c>update</c> (<c>Progress</c>) and <c>fail</c> (<c>FailNote</c>).</summary>
    internal const string Payloads = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "ConsumerPayloads",
          "x-pipelinejob-payloads": {
            "update": {
              "title": "Progress",
              "type": "object",
              "properties": { "percent": { "type": "integer", "minimum": 0, "maximum": 100 } },
              "required": ["percent"]
            },
            "fail": {
              "title": "FailNote",
              "type": "object",
              "properties": { "reason": { "type": "string", "minLength": 1 } },
              "required": ["reason"]
            }
          }
        }
        """;

    [Fact]
    public void Wrong_event_wrong_payload_and_admin_event_without_token_are_compile_errors_at_their_lines()
    {
        packed.Write("Consumer/Consumer.csproj", ConsumerProject.ReferencingCoreAndEmbeddedStore);
        packed.Write("Consumer/schemas/events/payloads.schema.json", Payloads);
        packed.Write("Consumer/Program.cs", Program);

        var build = DotnetProcess.Run(Path.Combine(packed.Workspace, "Consumer"), null, "build", "-c", "Release");

        Assert.True(build.ExitCode != 0, build.ToString());
        var errors = CompileError().Matches(build.Stdout)
            .Select(match => (File: Path.GetFileName(match.Groups["file"].Value), Line: int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Code: match.Groups["code"].Value, Message: match.Groups["message"].Value))
            .Distinct()
            .OrderBy(error => error.Line)
            .ToList();
        Assert.True(errors.Count == 3, build.ToString());
        Assert.All(errors, error => Assert.Equal("Program.cs", error.File));
        Assert.Equal((LineOf("RunnAsync"), "CS1061"), (errors[0].Line, errors[0].Code));
        Assert.Contains("'RunnAsync'", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((LineOf("\"wrong\""), "CS1503"), (errors[1].Line, errors[1].Code));
        Assert.Contains("Consumer.FailNote", errors[1].Message, StringComparison.Ordinal);
        Assert.Equal((LineOf("ResetAsync()"), "CS7036"), (errors[2].Line, errors[2].Code));
        Assert.Contains("'adminToken'", errors[2].Message, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of Program.cs holding the text.</summary>
    private static int LineOf(string text) =>
        Program.Split('\n').Select((line, index) => (line, index)).Single(pair => pair.line.Contains(text, StringComparison.Ordinal)).index + 1;

    [GeneratedRegex(@"^(?<file>\S+\.cs)\((?<line>\d+),\d+\): error (?<code>CS\d{4}): (?<message>.*?) \[", RegexOptions.Multiline)]
    private static partial Regex CompileError();
}
