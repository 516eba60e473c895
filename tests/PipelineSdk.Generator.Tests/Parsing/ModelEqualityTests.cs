using System.Reflection;
using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Parsing;
using PipelineSdk.Generator.References;
using PipelineSdk.Generator.Schemas;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Parsing;

/// <summary>Parsing the same input twice gives distinct but equal models with equal hashes (the cache relies on it).</summary>
public sealed class ModelEqualityTests
{
    private static readonly Schema[] Inputs =
    [
        .. Schema.CanonicalEvents(),
        Schema.Canonical("reactor_config.schema.json", "Config"),
        Schema.Test("progress.schema.json", "Events"),
    ];

    [Theory]
    [InlineData("pipelinejob_eventname.schema.json")]
    [InlineData("reactor_config.schema.json")]
    [InlineData("progress.schema.json")]
    public void Parsing_twice_gives_equal_models(string fileName)
    {
        var first = Parse(fileName);
        var second = Parse(fileName);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.True(first.StateMachine is not null || first.Payloads is not null || first.Config is not null);
        Assert.Empty(first.Diagnostics);
    }

    [Fact]
    public void A_changed_constraint_changes_the_model()
    {
        var original = Parse("progress.schema.json");
        var edited = Parse("progress.schema.json", text => text.Replace("\"maximum\": 100", "\"maximum\": 99"));

        Assert.NotEqual(original, edited);
    }

    private static ParsedFile Parse(string fileName, Func<string, string>? edit = null)
    {
        var documents = Inputs
            .Select(s => new SchemaDocument(s.Path, Enum.Parse<InputKind>(s.Kind), s.Kind, s.Path.EndsWith(fileName, StringComparison.Ordinal) && edit is not null ? edit(s.Text) : s.Text))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ToArray();
        var files = documents.Select(d => JsonFile.Read(d, CancellationToken.None)).ToArray();
        var index = ReferenceIndex.Create([.. files.Select(FileReferences.Of)]);
        var file = files.Single(f => f.Path.EndsWith("/" + fileName, StringComparison.Ordinal));
        var input = ParseInput.Create(file, index, FileSet.Create([.. files]), new GeneratorOptions("Consumer.Reactor"));
        return FileParser.Parse(input, CancellationToken.None);
    }
}
