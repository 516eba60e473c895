using System.Diagnostics;

namespace PipelineSdk.Cli.Tests;

/// <summary>The built tool run as a real process, as an operator runs it.</summary>
public class ProcessTests
{
    private static (int Exit, string Stdout, string Stderr) RunTool(string stdin, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "pipelinejobs.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "pipelinejobs did not exit within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Tool_process_computes_a_job_uuid()
    {
        var (exit, stdout, stderr) = RunTool("", "job-uuid", "--pipeline", "10650844-1baa-55c5-a481-5e945b19c065",
            "--child-of", "102edd93-29d6-5483-b60b-8dfd4d094b9c", "--data", """{"example_data":"datadata"}""");
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        Assert.Equal("107653ca-020f-5f03-9663-41cff415b087", stdout.Trim()); // spec §5.3
    }

    [Fact]
    public void Tool_process_reads_batch_lines_from_stdin()
    {
        var (exit, stdout, _) = RunTool("{\"uuid\":\"1001a831-ce4e-56c7-954b-43d740ea56f4\"}\n{\"uuid\":\"x\"}\n", "hashid", "--batch");
        Assert.Equal(1, exit);
        var lines = stdout.Trim().Split('\n');
        Assert.Equal("BAkwe8wKZY2NgXyBpX8K5R1D", lines[0].Trim()); // spec §5.3
        Assert.StartsWith("error: ", lines[1]);
    }

    [Fact]
    public void Tool_process_exits_2_on_usage_errors()
    {
        var (exit, stdout, stderr) = RunTool("", "uuid", "--type", "spaceship", "--text", "x");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--type", stderr);
    }
}
