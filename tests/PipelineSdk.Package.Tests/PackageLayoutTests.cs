using System.Security.Cryptography;

namespace PipelineSdk.Package.Tests;

/// <summary>The core .nupkg a reactor project references: what is in it and where (PackageMetadataTests: its nuspec).</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed packed)
{
    private static readonly string[] AnalyzerFiles =
        ["NJsonSchema.Annotations.dll", "NJsonSchema.dll", "Namotion.Reflection.dll", "Newtonsoft.Json.dll", "PipelineSdk.Generator.dll"];

    [Fact]
    public void Runtime_with_its_xml_docs_is_the_only_lib()
    {
        var lib = Entries().Where(name => name.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(["lib/net10.0/PipelineSdk.Runtime.dll", "lib/net10.0/PipelineSdk.Runtime.xml"], lib);
        Assert.Contains("<member name=\"T:PipelineSdk.Jobs.ManagedPipelineJob\">", new PackageArchive(packed.PackageFile).ReadText("lib/net10.0/PipelineSdk.Runtime.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void One_analyzer_slot_holds_the_generator_and_its_schema_libraries_but_not_System_Text_Json()
    {
        var analyzers = Entries().Where(name => name.StartsWith("analyzers/", StringComparison.Ordinal)).ToList();

        Assert.Equal(["analyzers/dotnet/cs"], analyzers.Select(name => name[..name.LastIndexOf('/')]).Distinct());
        Assert.Equal(AnalyzerFiles, analyzers.Select(name => name[(name.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Entries(), name => name.Contains("System.Text.Json", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Props_for_direct_references_are_the_repository_props_and_there_are_none_for_transitive_ones()
    {
        var props = File.ReadAllBytes(Repository.PathOf("runtime", "PipelineSdk.Runtime", "build", "PipelineSdk.props"));

        Assert.Equal(props, ReadBytes("build/PipelineSdk.props"));
        Assert.Equal(["build/PipelineSdk.props"], Entries().Where(name => name.StartsWith("build", StringComparison.Ordinal)));
    }

    [Fact]
    public void Canonical_schemas_are_shipped_unchanged()
    {
        var repository = Directory.GetFiles(Repository.PathOf("schemas"), "*.schema.json").Order(StringComparer.Ordinal).ToList();
        var shipped = Entries().Where(name => name.StartsWith("schemas/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(repository.Select(path => "schemas/" + Path.GetFileName(path)), shipped);
        Assert.All(repository, path => Assert.Equal(File.ReadAllBytes(path), ReadBytes("schemas/" + Path.GetFileName(path))));
    }

    [Fact]
    public void Packing_again_gives_the_same_bytes()
    {
        var again = Path.Combine(packed.Workspace, "feed-again");
        var pack = DotnetProcess.Run(Repository.Root, null,
            "pack", Repository.PathOf("runtime", "PipelineSdk.Packages.slnf"), "-c", Repository.Configuration, "--no-build", "-o", again);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var libraries = PackedFeed.PackageIds.Where(id => id != "PipelineSdk.Cli").Select(id => Path.GetFileName(packed.PackageOf(id))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(libraries, Directory.GetFiles(again, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(libraries, name => Assert.Equal(Hash(Path.Combine(packed.Feed, name)), Hash(Path.Combine(again, name))));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private List<string> Entries() => new PackageArchive(packed.PackageFile).Entries();

    private byte[] ReadBytes(string entryName) => new PackageArchive(packed.PackageFile).ReadBytes(entryName);
}
