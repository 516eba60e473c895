namespace PipelineSdk.Package.Tests;

/// <summary>
/// User projects: the project file <c>dotnet new console</c> writes plus the references a user adds, and one build
/// of several of them (one restore, projects built in parallel) that must finish without a warning.
/// </summary>
internal static class ConsumerProject
{
    /// <summary>A console project referencing the packed core and the embedded store, as a reactor for local runs does.</summary>
    public static string ReferencingCoreAndEmbeddedStore { get; } = WithPackages("PipelineSdk", "PipelineSdk.Stores.Embedded");

    /// <summary>A console project referencing every packed library: the core, both stores and the endpoint.</summary>
    public static string ReferencingAllPackages { get; } =
        WithPackages("PipelineSdk", "PipelineSdk.Stores.Embedded", "PipelineSdk.Stores.Mongo", "PipelineSdk.Endpoint");

    /// <summary>A console project referencing another project (and PipelineSdk only through it).</summary>
    public static string ReferencingProject(string path) => With($"""<ProjectReference Include="{path}" />""");

    /// <summary>A console project referencing the packed packages of these ids.</summary>
    public static string WithPackages(params string[] ids) =>
        With(string.Join("\n    ", ids.Select(id => $"""<PackageReference Include="{id}" Version="$(PipelineSdkVersion)" />""")));

    /// <summary>The console project with the given items (references, AdditionalFiles) in its one ItemGroup.</summary>
    public static string With(string reference) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            {reference}
          </ItemGroup>
        </Project>
        """;

    /// <summary>Builds the projects <c>NAME/NAME.csproj</c> under the folder together; fails on any error or warning.</summary>
    public static void BuildWithoutWarnings(string folder, IEnumerable<string> names)
    {
        File.WriteAllText(Path.Combine(folder, "All.slnx"),
            "<Solution>\n" + string.Concat(names.Select(name => $"  <Project Path=\"{name}/{name}.csproj\" />\n")) + "</Solution>\n");

        var build = DotnetProcess.Run(folder, null, "build", "All.slnx", "-c", "Release");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(build.Stdout.Split('\n'), line => line.Contains(": warning ", StringComparison.Ordinal));
        Assert.Contains(" 0 Warning(s)", build.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Runs a built project's program (from its folder, as a user would run the dll).</summary>
    public static DotnetResult Run(string folder, string name, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        DotnetProcess.Run(Path.Combine(folder, name), environment, [Path.Combine("bin", "Release", "net10.0", name + ".dll"), .. args]);
}
