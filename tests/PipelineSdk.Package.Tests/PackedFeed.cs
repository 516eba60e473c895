namespace PipelineSdk.Package.Tests;

/// <summary>
/// Packs the packages once per test run (from the build of this run) into a temporary folder feed, and
/// lays out a workspace next to it the way a user's machine is: a NuGet.config naming the feed, and a packages folder
/// of its own so no copy of the package from an earlier run (or from samples/run.sh) is ever used.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        Workspace = Directory.CreateTempSubdirectory("pipelinesdk-package-tests-").FullName;
        Feed = Path.Combine(Workspace, "feed");
        Pack = DotnetProcess.Run(Repository.Root, null,
            "pack", Repository.PathOf("runtime", "PipelineSdk.Packages.slnf"),
            "-c", Repository.Configuration, "--no-build", "-o", Feed);
        Assert.True(Pack.ExitCode == 0, Pack.ToString());
        var packTool = DotnetProcess.Run(Repository.Root, null,
            "pack", Repository.PathOf("runtime", "PipelineSdk.Cli", "PipelineSdk.Cli.csproj"),
            "-c", Repository.Configuration, "--no-build", "-o", Feed);
        Assert.True(packTool.ExitCode == 0, packTool.ToString());
        PackageFile = Assert.Single(Directory.GetFiles(Feed, "PipelineSdk.*.nupkg"), file => char.IsAsciiDigit(Path.GetFileName(file)["PipelineSdk.".Length]));
        Version = Path.GetFileNameWithoutExtension(PackageFile)["PipelineSdk.".Length..];

        File.WriteAllText(Path.Combine(Workspace, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="pipelinesdk-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <PipelineSdkVersion>{Version}</PipelineSdkVersion>
                <RestorePackagesPath>{Path.Combine(Workspace, "packages")}/</RestorePackagesPath>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Workspace, "Directory.Packages.props"), "<Project />");
    }

    /// <summary>The temporary folder holding the feed, the packages folder and the projects.</summary>
    public string Workspace { get; }

    /// <summary>The folder feed holding the five packed packages.</summary>
    public string Feed { get; }

    /// <summary>The packed core package, PipelineSdk.</summary>
    public string PackageFile { get; }

    /// <summary>Every package the repository packs: the four libraries and the <c>pipelinejobs</c> tool.</summary>
    public static IReadOnlyList<string> PackageIds { get; } =
        ["PipelineSdk", "PipelineSdk.Stores.Mongo", "PipelineSdk.Stores.Embedded", "PipelineSdk.Endpoint", "PipelineSdk.Cli"];

    /// <summary>The packed .nupkg of one package id in the feed.</summary>
    public string PackageOf(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The packed version (the repository's).</summary>
    public string Version { get; }

    /// <summary>The pack command's result.</summary>
    public DotnetResult Pack { get; }

    /// <summary>Copies a project folder into the workspace, without build output or local data.</summary>
    public string CopyProject(string source, string name)
    {
        var target = Path.Combine(Workspace, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or ".data")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    /// <summary>Writes a file under the workspace (creating folders) and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child process; the temporary folder is left to the system.
        }
    }
}

/// <summary>Every test of the package shares one pack and one workspace, and they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}
