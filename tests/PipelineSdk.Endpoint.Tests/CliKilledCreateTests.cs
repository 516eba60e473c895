using System.Diagnostics;
using System.Text.Json.Nodes;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>
/// A reactor killed in the middle of setup and run again must converge on the same job: `pipelinejobs create` (the
/// same code path as a reactor's ManagedPipelineJob setup) is killed at seeded random moments, then run to the end.
/// </summary>
public sealed class CliKilledCreateTests : IDisposable
{
    private const int Seed = 20261125;
    private static readonly Dictionary<string, string> Owner = new() { ["TACC_USERNAME"] = "sd2eadm" };
    private readonly string _file = TestJobs.TempFile();

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_file)!, Path.GetFileNameWithoutExtension(_file) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Create_killed_at_random_moments_and_rerun_converges_on_one_job()
    {
        string[] create = ["create", "--pipeline", TestJobs.Pipeline, "--child-of", "102edd93-29d6-5483-b60b-8dfd4d094b9c",
            "--data", """{"example_data":"datadata"}""", "--db", _file, "--json"];
        Assert.Equal(0, ToolProcess.Run("pipelines", "add", "--uuid", TestJobs.Pipeline, "--db", _file).Exit);
        var random = new Random(Seed);
        var killed = 0;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var process = Process.Start(ToolProcess.StartInfo(Owner, create))!;
            process.StandardInput.Close();
            var delay = random.Next(50, 1500);
            if (!process.WaitForExit(delay))
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }

            Assert.True(process.WaitForExit(60_000), $"seed {Seed}, attempt {attempt}: the process did not end");
        }

        Assert.True(killed > 0, $"seed {Seed}: no attempt was killed, so nothing was tested");
        var (exit, stdout, stderr) = ToolProcess.Run(Owner, create);

        Assert.True(exit == 0, $"seed {Seed}: rerun after {killed} kills failed: {stderr}");
        var printed = JsonNode.Parse(stdout)!;
        // Computed with Python 3.11 (uuid5 typed_uuid over the sorted pipeline:repr(child_of):json.dumps(data) text).
        Assert.Equal("107c9056-e3a1-5424-b165-a65f940bd9b3", (string?)printed["uuid"]);
        using var store = await TestJobs.EmbeddedAsync(_file);
        var job = Assert.Single(await store.QueryAsync(new JobQuery()));
        Assert.Equal("107c9056-e3a1-5424-b165-a65f940bd9b3", job.Uuid);
        Assert.Equal(JobState.Created, job.State);
        Assert.Equal(JobEvent.Create, Assert.Single(job.History).Name);
        Assert.Equal(0, job.Revision);
    }
}
