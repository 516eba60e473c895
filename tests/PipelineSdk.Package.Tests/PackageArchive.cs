using System.IO.Compression;
using System.Xml.Linq;

namespace PipelineSdk.Package.Tests;

/// <summary>One packed .nupkg read as NuGet reads it: its entries and the metadata of its nuspec.</summary>
internal sealed class PackageArchive(string path)
{
    /// <summary>The .nupkg file.</summary>
    public string Path { get; } = path;

    /// <summary>Every file entry (no folder entries).</summary>
    public List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(Path);
        return [.. zip.Entries.Select(entry => entry.FullName).Where(name => !name.EndsWith('/'))];
    }

    public byte[] ReadBytes(string entryName)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var stream = (zip.GetEntry(entryName) ?? throw new InvalidOperationException(entryName + " is not in " + Path)).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadText(string entryName) => System.Text.Encoding.UTF8.GetString(ReadBytes(entryName)).TrimStart('\uFEFF');

    /// <summary>The nuspec's <c>metadata</c> element (the one .nuspec at the package root).</summary>
    public XElement Metadata()
    {
        var nuspec = XDocument.Parse(ReadText(Assert.Single(Entries(), name => !name.Contains('/') && name.EndsWith(".nuspec", StringComparison.Ordinal))));
        return nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata")!;
    }

    /// <summary>The text of a metadata child element, or null when the nuspec has none.</summary>
    public static string? Text(XElement metadata, string name) => (string?)metadata.Element(metadata.Name.Namespace + name);

    /// <summary>The package dependencies, id to version, over every target-framework group.</summary>
    public static Dictionary<string, string> Dependencies(XElement metadata) =>
        metadata.Descendants(metadata.Name.Namespace + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);

    /// <summary>The framework references (shared frameworks the package needs at run time).</summary>
    public static List<string> FrameworkReferences(XElement metadata) =>
        [.. metadata.Descendants(metadata.Name.Namespace + "frameworkReference").Select(f => (string)f.Attribute("name")!)];
}
