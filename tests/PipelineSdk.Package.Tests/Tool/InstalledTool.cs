using System.Diagnostics;

namespace PipelineSdk.Package.Tests.Tool;

/// <summary>
/// Packs the <c>pipelinejobs</c> tool once per test run (from the CLI this run was built with) into a folder feed and
/// installs it from there with <c>dotnet tool install --tool-path</c>, as an operator or a jobs-manager image does.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    // The variables a job's owner may come from: the tests run the tool without them, as most containers do.
    private static readonly string[] OwnerVariables = ["USER", "LOGNAME", "TACC_USERNAME", "AGAVE_USERNAME", "JUPYTERHUB_USER", "_abaco_username"];

    private readonly string _folder = Directory.CreateTempSubdirectory("pipelinesdk-tool-tests-").FullName;

    public InstalledTool()
    {
        var feed = Path.Combine(_folder, "feed");
        var pack = DotnetProcess.Run(Repository.Root, null,
            "pack", Repository.PathOf("runtime", "PipelineSdk.Cli", "PipelineSdk.Cli.csproj"), "-c", Repository.Configuration, "--no-build", "-o", feed);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(feed, "PipelineSdk.Cli.*.nupkg")));
        var config = Path.Combine(_folder, "NuGet.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="pipelinesdk-tool-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(_folder, "tools");
        var install = DotnetProcess.Run(_folder, null,
            "tool", "install", "--tool-path", toolPath, "--configfile", config, "PipelineSdk.Cli", "--version", package["PipelineSdk.Cli.".Length..]);
        Assert.True(install.ExitCode == 0, install.ToString());
        Command = Path.Combine(toolPath, "pipelinejobs");
        Assert.True(File.Exists(Command), install.ToString());
    }

    /// <summary>The installed <c>pipelinejobs</c> command.</summary>
    public string Command { get; }

    /// <summary>A new empty working directory for one test.</summary>
    public string NewWorkingDirectory() => Directory.CreateDirectory(Path.Combine(_folder, "work-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>
    /// Runs the installed command in <paramref name="workingDirectory"/> with <paramref name="environment"/> on top
    /// of this process's, without any owner variable and without inherited <c>_REACTOR_*</c> variables.
    /// </summary>
    public ToolResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(name => OwnerVariables.Contains(name) || name.StartsWith("_REACTOR_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // The tool's launcher finds the runtime of the SDK running these tests.
        start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(FindDotnet())!;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"pipelinejobs {string.Join(' ', args)} did not finish within 2 minutes");
        }

        return new ToolResult(string.Join(' ', args), process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    private static string FindDotnet() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "dotnet"))
            .Where(File.Exists)
            .Select(path => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path)
            .First();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child process; the temporary folder is left to the system.
        }
    }
}

/// <summary>One run of the installed tool.</summary>
public sealed record ToolResult(string Arguments, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"pipelinejobs {Arguments} -> exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
