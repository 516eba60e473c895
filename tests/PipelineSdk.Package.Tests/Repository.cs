namespace PipelineSdk.Package.Tests;

/// <summary>Where the repository is and what it packs.</summary>
internal static class Repository
{
    /// <summary>The folder holding PipelineSdk.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test run, which the packed runtime was built in.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PipelineSdk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PipelineSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
