using PipelineSdk.Generator.Inputs;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Tests.Json;

/// <summary>Reading a file once into a line-aware tree: strict enough to report mistakes, precise enough to point at them.</summary>
public sealed class JsonFileTests
{
    private static JsonFile Read(string text) =>
        JsonFile.Read(new SchemaDocument("/p/a.schema.json", InputKind.Events, "Events", text), CancellationToken.None);

    [Theory]
    [InlineData("{\n  \"type\": ,\n  \"title\": \"x\"\n}", 1)]
    [InlineData("{ \"a\": 1 }\n{ \"b\": 2 }", 0)] // Newtonsoft reports additional text where the first value ends
    [InlineData("{\n  \"a\": 1,\n  \"a\": 2\n}", 2)]
    [InlineData("[1, 2]", 0)]
    public void Malformed_text_is_reported_at_its_line(string text, int line)
    {
        var file = Read(text);

        Assert.Null(file.Root);
        Assert.NotNull(file.Error);
        Assert.Equal(line, file.ErrorSpan!.StartLine);
    }

    [Fact]
    public void A_member_pointer_locates_the_quoted_property_name()
    {
        var file = Read("{\n  \"title\": \"x\",\n  \"properties\": {\n    \"a~b\" : { \"type\": \"string\" }\n  }\n}");

        var span = file.Locate("/properties/a~0b");

        Assert.Equal((3, 4), (span.StartLine, span.StartColumn));
        Assert.Equal("\"a~b\"", file.Document.Text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void An_array_element_locates_its_value_and_a_missing_pointer_its_nearest_ancestor()
    {
        var file = Read("{\n  \"enum\": [\"low\",\n    \"high\"]\n}");

        var element = file.Locate("/enum/1");
        var missing = file.Locate("/enum/7");

        Assert.Equal("\"high\"", file.Document.Text.Substring(element.Start, element.Length));
        Assert.Equal((1, 2), (missing.StartLine, missing.StartColumn));
    }

    [Fact]
    public void Equality_follows_the_text_so_the_pipeline_caches_on_it()
    {
        Assert.Equal(Read("{ \"a\": 1 }"), Read("{ \"a\": 1 }"));
        Assert.NotEqual(Read("{ \"a\": 1 }"), Read("{ \"a\": 2 }"));
    }
}
