using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// What NuGet and a debugger read from each of the five packages: dependencies and shared frameworks, licence,
/// readme, description, tags, repository address (only from PipelineSdkRepositoryUrl), and the source paths in the
/// packed assemblies' PDBs.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class PackageMetadataTests(PackedFeed packed)
{
    private const string RepositoryUrl = "https://example.com/pipelinesdk/pipelinesdk";

    public static TheoryData<string> Ids => [.. PackedFeed.PackageIds];

    /// <summary>Package id, its package dependencies, its framework references.</summary>
    public static TheoryData<string, string[], string[]> Dependencies => new()
    {
        // The core: no database driver, no ASP.NET Core, so a reactor that only posts events stays small.
        { "PipelineSdk", ["Microsoft.Extensions.Configuration", "Microsoft.Extensions.Http", "Microsoft.Extensions.Logging.Abstractions", "YamlDotNet"], [] },
        { "PipelineSdk.Stores.Mongo", ["MongoDB.Driver", "PipelineSdk"], [] },
        { "PipelineSdk.Stores.Embedded", ["Microsoft.Data.Sqlite", "PipelineSdk"], [] },
        { "PipelineSdk.Endpoint", ["PipelineSdk"], ["Microsoft.AspNetCore.App"] },
        // A dotnet tool carries what it runs on inside the package.
        { "PipelineSdk.Cli", [], [] },
    };

    [Theory]
    [MemberData(nameof(Dependencies))]
    public void Package_depends_on_what_it_uses_and_on_nothing_else(string id, string[] dependencies, string[] frameworks)
    {
        var metadata = new PackageArchive(packed.PackageOf(id)).Metadata();
        var actual = PackageArchive.Dependencies(metadata);
        var centralVersions = XDocument.Load(Repository.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);

        Assert.Equal((id, packed.Version), (PackageArchive.Text(metadata, "id"), PackageArchive.Text(metadata, "version")));
        Assert.Equal(dependencies, actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(actual, dependency => Assert.Equal(dependency.Key == "PipelineSdk" ? packed.Version : centralVersions[dependency.Key], dependency.Value));
        Assert.Equal(frameworks, PackageArchive.FrameworkReferences(metadata));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_has_the_licence_its_readme_a_description_and_tags_and_no_address_while_the_property_is_empty(string id)
    {
        var package = new PackageArchive(packed.PackageOf(id));
        var metadata = package.Metadata();
        var license = metadata.Element(metadata.Name.Namespace + "license");

        Assert.Equal(("expression", "BSD-3-Clause"), ((string?)license?.Attribute("type"), (string?)license));
        Assert.Equal("README.md", PackageArchive.Text(metadata, "readme"));
        Assert.Equal(File.ReadAllText(Repository.PathOf("runtime", ProjectFolder(id), "PACKAGE.md")), package.ReadText("README.md"));
        Assert.True(PackageArchive.Text(metadata, "description") is { Length: > 60 }, id + ": description");
        Assert.Contains("pipelinejobs", PackageArchive.Text(metadata, "tags")!.Split(' '));
        Assert.Null(metadata.Element(metadata.Name.Namespace + "repository"));
        Assert.Null(metadata.Element(metadata.Name.Namespace + "projectUrl"));
        // The only address in the nuspec is the licence text NuGet itself names for the expression.
        var values = metadata.DescendantNodes().OfType<XText>().Select(text => text.Value)
            .Concat(metadata.DescendantsAndSelf().Attributes().Where(attribute => !attribute.IsNamespaceDeclaration).Select(attribute => attribute.Value));
        Assert.Equal(["https://licenses.nuget.org/BSD-3-Clause"], values.SelectMany(value => Url().Matches(value)).Select(url => url.Value));
    }

    [Fact]
    public void Repository_address_set_with_the_build_property_reaches_every_package()
    {
        var feed = Path.Combine(packed.Workspace, "feed-with-repository");
        foreach (var project in new[] { Repository.PathOf("runtime", "PipelineSdk.Packages.slnf"), Repository.PathOf("runtime", "PipelineSdk.Cli", "PipelineSdk.Cli.csproj") })
        {
            var pack = DotnetProcess.Run(Repository.Root, null,
                "pack", project, "-c", Repository.Configuration, "--no-build", "-o", feed, "-p:PipelineSdkRepositoryUrl=" + RepositoryUrl);
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        Assert.All(PackedFeed.PackageIds, id =>
        {
            var metadata = new PackageArchive(Path.Combine(feed, $"{id}.{packed.Version}.nupkg")).Metadata();
            var repository = metadata.Element(metadata.Name.Namespace + "repository");
            Assert.Equal(("git", RepositoryUrl), ((string?)repository?.Attribute("type"), (string?)repository?.Attribute("url")));
            Assert.Equal(RepositoryUrl, PackageArchive.Text(metadata, "projectUrl"));
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Packed_assemblies_name_their_sources_and_pdb_under_the_deterministic_root(string id)
    {
        var package = new PackageArchive(packed.PackageOf(id));
        var assemblies = package.Entries()
            .Where(name => Path.GetFileName(name) is var file && file.EndsWith(".dll", StringComparison.Ordinal) && (file.StartsWith("PipelineSdk.", StringComparison.Ordinal) || file == "pipelinejobs.dll"))
            .ToList();
        Assert.NotEmpty(assemblies);

        foreach (var assembly in assemblies)
        {
            using var pe = new PEReader(new MemoryStream(package.ReadBytes(assembly)));
            var debugDirectory = pe.ReadDebugDirectory();
            var codeView = pe.ReadCodeViewDebugDirectoryData(Assert.Single(debugDirectory, entry => entry.Type == DebugDirectoryEntryType.CodeView));
            using var pdb = ReadPdb(id, assembly, pe, debugDirectory);
            var reader = pdb.GetMetadataReader();
            var documents = reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)).ToList();

            Assert.True(codeView.Path.StartsWith("/_/", StringComparison.Ordinal) || !codeView.Path.Contains('/'), $"{assembly}: PDB path {codeView.Path}");
            Assert.NotEmpty(documents);
            Assert.All(documents, document => Assert.True(document.StartsWith("/_/", StringComparison.Ordinal), $"{assembly}: {document}"));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Library_assemblies_carry_no_pdb_and_their_symbols_are_in_the_symbol_package(string id)
    {
        var lib = new PackageArchive(packed.PackageOf(id)).Entries().Where(name => name.StartsWith("lib/", StringComparison.Ordinal)).ToList();
        var symbols = Path.ChangeExtension(packed.PackageOf(id), ".snupkg");
        if (id == "PipelineSdk.Cli")
        {
            Assert.False(File.Exists(symbols));
            return;
        }

        var assembly = Assert.Single(lib, name => name.EndsWith(".dll", StringComparison.Ordinal));
        using var pe = new PEReader(new MemoryStream(new PackageArchive(packed.PackageOf(id)).ReadBytes(assembly)));
        Assert.DoesNotContain(pe.ReadDebugDirectory(), entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        Assert.DoesNotContain(lib, name => name.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.Contains(Path.ChangeExtension(assembly, ".pdb"), new PackageArchive(symbols).Entries());
    }

    /// <summary>
    /// The PDB of a packed assembly: embedded (the tool), beside it (the libraries inside the tool package), or in the
    /// symbol package (the libraries' own packages).
    /// </summary>
    private MetadataReaderProvider ReadPdb(string id, string assembly, PEReader pe, IEnumerable<DebugDirectoryEntry> debugDirectory)
    {
        if (debugDirectory.FirstOrDefault(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb) is { DataSize: > 0 } embedded)
        {
            return pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        }

        var pdb = Path.ChangeExtension(assembly, ".pdb");
        var package = new PackageArchive(packed.PackageOf(id));
        var holder = package.Entries().Contains(pdb) ? package : new PackageArchive(Path.ChangeExtension(packed.PackageOf(id), ".snupkg"));
        return MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(holder.ReadBytes(pdb)));
    }

    [Fact]
    public void Generator_diagnostics_carry_no_help_link_while_the_property_is_empty()
    {
        // A schema item with an unknown kind: the generator warns PSDK1003 about it.
        packed.Write("HelpLinks/HelpLinks.csproj", ConsumerProject.With("""
            <PackageReference Include="PipelineSdk" Version="$(PipelineSdkVersion)" />
                <AdditionalFiles Include="odd.schema.json" PipelineSdkKind="Sometimes" />
            """));
        packed.Write("HelpLinks/odd.schema.json", "{}");
        packed.Write("HelpLinks/Program.cs", "System.Console.WriteLine();\n");
        var log = Path.Combine(packed.Workspace, "HelpLinks", "diagnostics.sarif");

        var build = DotnetProcess.Run(Path.Combine(packed.Workspace, "HelpLinks"), null, "build", "-c", "Release", "-p:ErrorLog=" + log + "%2Cversion%3D2.1");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning PSDK1003", build.Stdout, StringComparison.Ordinal);
        var rules = JsonNode.Parse(File.ReadAllText(log))!["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        var psdk = rules.Where(rule => ((string?)rule!["id"])!.StartsWith("PSDK", StringComparison.Ordinal)).ToList();
        Assert.Contains(psdk, rule => (string?)rule!["id"] == "PSDK1003");
        Assert.All(psdk, rule => Assert.Null(rule!["helpUri"]));
    }

    private static string ProjectFolder(string id) => id == "PipelineSdk" ? "PipelineSdk.Runtime" : id;

    [GeneratedRegex(@"https?://[^\s""<]+")]
    private static partial Regex Url();
}
