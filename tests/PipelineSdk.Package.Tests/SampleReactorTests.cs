using System.Text.RegularExpressions;
using PipelineSdk.Stores.Embedded;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// The README's first command, as a test: the sample reactor restored from the folder feed runs the lifecycle of a
/// job on the embedded store and prints it; a second run reuses the job.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class SampleReactorTests(PackedFeed packed)
{
    private static readonly string[] Lifecycle = ["create", "run", "update", "update", "update", "run", "finish"];

    [Fact]
    public async Task Sample_runs_the_lifecycle_to_FINISHED_then_reuses_the_job()
    {
        var sample = packed.CopyProject(Repository.PathOf("samples", "HelloReactor"), "HelloReactor");

        var first = DotnetProcess.Run(sample, null, "run", "-c", "Release");

        Assert.True(first.ExitCode == 0, first.ToString());
        var uuid = Single(JobLine(), first.Stdout);
        var archivePath = Single(ArchivePathLine(), first.Stdout);
        var callback = Single(CallbackLine(), first.Stdout);
        Assert.Contains("Registered pipeline 10650844-1baa-55c5-a481-5e945b19c065", first.Stdout, StringComparison.Ordinal);
        Assert.Matches(TypedJobUuid(), uuid);
        Assert.StartsWith("/products/v2/106508441baa55c5a4815e945b19c065/", archivePath, StringComparison.Ordinal);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/actors/v2/jobs-manager\.local/messages\?x-nonce=\*{5}&token=\*{5}&uuid=" + uuid + "&session=[a-z]+-[a-z]+$", callback);
        // The sample submits an Agave job with the job's notifications; its fake Agave fires them at the events endpoint.
        var agaveJob = Single(AgaveJobLine(), first.Stdout);
        Assert.Contains("Agave notification RUNNING -> HTTP 200", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Agave notification FINISHED -> HTTP 200", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Agave job status: FINISHED", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Job {uuid} is FINISHED after 'finish'. History:", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(Lifecycle, HistoryEvents(first.Stdout));
        Assert.DoesNotContain("SAMPLE_nonce_0123456789", first.Stdout + first.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sample-admin-secret-not-for-production", first.Stdout + first.Stderr, StringComparison.Ordinal);

        var second = DotnetProcess.Run(sample, null, "run", "-c", "Release");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(uuid, Single(JobLine(), second.Stdout));
        Assert.Equal(archivePath, Single(ArchivePathLine(), second.Stdout));
        Assert.Contains($"Job {uuid} already exists (FINISHED): reused, no events sent.", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Registered pipeline", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(Lifecycle, HistoryEvents(second.Stdout));

        // The job as stored in the sample's embedded store, read with the runtime's own store.
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = Path.Combine(sample, ".data", "jobs.sqlite") });
        var job = await store.GetAsync(uuid);
        Assert.Equal(JobState.Finished, job.State);
        Assert.Equal(JobEvent.Finish, job.LastEvent);
        Assert.Equal(archivePath, job.ArchivePath);
        Assert.Equal("world", (string?)job.Data["sample"]);
        Assert.Equal(Lifecycle, job.History.Select(entry => entry.Name.ToWireName()));
        Assert.Equal([25, 50, 75], job.History.Where(entry => entry.Name == JobEvent.Update).Select(entry => (int)entry.Data!["percent"]!));
        Assert.Equal("RUNNING", (string?)job.History[5].Data!["status"]);
        Assert.Equal("hello-reactor-0.1.0", (string?)job.History[5].Data!["appId"]);
        Assert.Equal(agaveJob, (string?)job.History[5].Data!["id"]);
    }

    private static string Single(Regex line, string stdout) => Assert.Single(line.Matches(stdout)).Groups[1].Value;

    /// <summary>The event column of the history table printed after the "History:" line.</summary>
    private static IEnumerable<string> HistoryEvents(string stdout) =>
        stdout[stdout.IndexOf("History:", StringComparison.Ordinal)..].Split('\n')
            .Select(line => HistoryRow().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value);

    [GeneratedRegex(@"^Job:\s+(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex JobLine();

    [GeneratedRegex(@"^Archive path: (\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex ArchivePathLine();

    [GeneratedRegex(@"^Callback URL: (\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex CallbackLine();

    [GeneratedRegex(@"^Submitted Agave job (\d+-242ac11b-0001-007) \(ACCEPTED\) with the job's notifications\r?$", RegexOptions.Multiline)]
    private static partial Regex AgaveJobLine();

    [GeneratedRegex(@"^107[0-9a-f]{5}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex TypedJobUuid();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} ([a-z]+) ")]
    private static partial Regex HistoryRow();
}
