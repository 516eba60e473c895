namespace PipelineSdk.Package.Tests.Architecture;

/// <summary>
/// The namespaces of the packed libraries form layers: each uses only namespaces drawn below it in the README's
/// architecture picture, so none depends on itself through others.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class LayeringTests(PackedFeed packed)
{
    [Fact]
    public void No_namespace_of_the_packages_depends_on_itself_through_other_namespaces()
    {
        var graph = Graph();

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, "namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void Every_namespace_is_drawn_once_in_the_readme_architecture_and_uses_only_namespaces_drawn_below_it()
    {
        var graph = Graph();
        var layers = ReadmeLayers();
        var drawn = layers.SelectMany(layer => layer).ToList();

        Assert.Equal(drawn.Count, drawn.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(graph.Namespaces.Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
        var level = layers.SelectMany((layer, index) => layer.Select(name => (name, index))).ToDictionary(x => x.name, x => x.index);
        var upward = graph.Namespaces
            .SelectMany(from => graph.UsesOf(from).Where(use => level[use.Key] <= level[from])
                .Select(use => $"{from} uses {use.Key} (in {use.Value})"))
            .ToList();
        Assert.True(upward.Count == 0, "uses of a namespace at the same level or above:\n" + string.Join('\n', upward));
    }

    /// <summary>The namespaces (PipelineSdk and below) of the four library packages' assemblies.</summary>
    private NamespaceGraph Graph()
    {
        var graph = new NamespaceGraph();
        foreach (var package in PackedFeed.PackageIds.Select(id => new PackageArchive(packed.PackageOf(id))))
        {
            foreach (var assembly in package.Entries().Where(name => name.StartsWith("lib/", StringComparison.Ordinal) && name.EndsWith(".dll", StringComparison.Ordinal)))
            {
                graph.Add(package.ReadBytes(assembly), name => name == "PipelineSdk" || name.StartsWith("PipelineSdk.", StringComparison.Ordinal));
            }
        }

        // Known uses, so a reader that finds nothing cannot pass: the stores implement the store contract.
        Assert.Contains("PipelineSdk.Stores", graph.UsesOf("PipelineSdk.Stores.Mongo").Keys);
        Assert.Contains("PipelineSdk.Stores", graph.UsesOf("PipelineSdk.Endpoint").Keys);
        return graph;
    }

    /// <summary>The README's picture (the text block marked <c>layers</c>): one layer per line, top first; <c>#</c> starts a comment.</summary>
    private static List<string[]> ReadmeLayers()
    {
        var block = Assert.Single(ReadmeBlocks.All, block => block.Marker == "layers");
        return
        [
            .. block.Text.Split('\n')
                .Select(line => line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(layer => layer.Length > 0),
        ];
    }

    /// <summary>A path that returns to its start, or null when the graph has none (depth-first search).</summary>
    private static List<string>? FindCycle(NamespaceGraph graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string name)
        {
            if (path.IndexOf(name) is var at and >= 0)
            {
                return [.. path[at..], name];
            }

            if (!done.Add(name))
            {
                return null;
            }

            path.Add(name);
            foreach (var used in graph.UsesOf(name).Keys.Order(StringComparer.Ordinal))
            {
                if (Visit(used) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Namespaces.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }
}
