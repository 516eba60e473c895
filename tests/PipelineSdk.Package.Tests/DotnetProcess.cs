using System.Diagnostics;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, without telemetry, first-run output or MSBuild nodes left behind, and
/// without the MSBuild variables of the test host (which would point a child build at the host's SDK state).
/// </summary>
internal static class DotnetProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>dotnet</c> with the arguments; an environment value of null removes that variable.</summary>
    public static DotnetResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        Run("dotnet", workingDirectory, environment, args);

    /// <summary>Runs a program (<c>dotnet</c>, <c>bash</c>) in the environment a user's shell gives it.</summary>
    public static DotnetResult Run(string program, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program)
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

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name == "MSBUILD_EXE_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish within {Timeout.TotalMinutes} minutes");
        }

        return new DotnetResult(program + " " + string.Join(' ', args), process.ExitCode, stdout.Result, stderr.Result);
    }
}
