using System.Reflection;
using PipelineSdk.Generator.Emit;

namespace PipelineSdk.Generator.Tests.TestKit;

/// <summary>
/// Baseline files instead of Verify: compares with <c>Snapshots/&lt;name&gt;.verified.txt</c>. <c>UPDATE_SNAPSHOTS=1</c>
/// rewrites them; a missing snapshot is written and passes locally, but fails when <c>CI=true</c>.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var folder = Path.Combine(ProjectFolder, "Snapshots");
        var file = Path.Combine(folder, name + ".verified.txt");
        var scrubbed = actual.Replace(GeneratorInfo.Version, "{VERSION}").Replace("\r\n", "\n");
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        if (!File.Exists(file))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "Snapshot " + file + " is missing (run with UPDATE_SNAPSHOTS=1 and commit it).");
            update = true;
        }

        if (update)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, scrubbed);
            return;
        }

        var expected = File.ReadAllText(file).Replace("\r\n", "\n");
        Assert.Equal(expected, scrubbed);
    }

    // The project folder is baked in at build time: caller file paths are mapped to /_/ in CI (deterministic) builds.
    private static string ProjectFolder { get; } =
        typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
}
