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
        Assert.Equal("107653ca-020f-5f03-9663-41cff415b087", stdout.Trim()); // the Python original's test vector
    }

    [Fact]
    public void Tool_process_reads_batch_lines_from_stdin()
    {
        var (exit, stdout, _) = RunTool("{\"uuid\":\"1001a831-ce4e-56c7-954b-43d740ea56f4\"}\n{\"uuid\":\"x\"}\n", "hashid", "--batch");
        Assert.Equal(1, exit);
        var lines = stdout.Trim().Split('\n');
        Assert.Equal("BAkwe8wKZY2NgXyBpX8K5R1D", lines[0].Trim()); // the Python original's test vector
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

    [Fact]
    public async Task Ctrl_c_stops_serve_through_its_cancellation_token()
    {
        using var store = new TempStoreFile("sigint");
        var db = store.Path;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "pipelinejobs.dll"), "serve", "--urls", "http://127.0.0.1:0", "--manager-id", "jobs-manager.test", "--db", db })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var listening = process.StandardOutput.ReadLine();
        Assert.StartsWith("listening on http://127.0.0.1:", listening);

        // What a terminal sends on Ctrl+C.
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(30_000), "serve did not stop on SIGINT");
        var log = await stderr; // the host's own log lines
        Assert.DoesNotContain("Exception", log);
        Assert.DoesNotContain("error:", log);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_a_running_verb()
    {
        // In process: the token CliApp.RunAsync is given is the one Ctrl+C cancels; serve waits on it.
        using var store = new TempStoreFile("cancel");
        var db = store.Path;
        using var cancel = new CancellationTokenSource();
        var stdout = new StringWriter();
        var app = new CliApp(TextReader.Null, stdout, new StringWriter(), new Dictionary<string, string>(), TimeProvider.System);
        var run = app.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--manager-id", "jobs-manager.test", "--db", db], cancel.Token);
        while (!stdout.ToString().Contains("listening on", StringComparison.Ordinal) && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        Assert.False(run.IsCompleted, stdout.ToString());
        await cancel.CancelAsync();
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(30_000)));
        Assert.Equal(0, await run);
    }
}
