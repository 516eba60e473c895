using System.Text;
using PipelineSdk.Errors;
using PipelineSdk.Json;

namespace PipelineSdk.Tests.Json;

/// <summary>
/// The one JSON reader for client input (events endpoint, <c>MSG</c>, and the CLI's <c>--data</c>): what it refuses
/// and the JSON pointer and byte it names. Pointers and byte offsets were counted by hand from the texts.
/// </summary>
public sealed class StrictJsonTests
{
    // D2: 1e999 and its kin parse to infinity, which no JSON writer writes back.
    [Theory]
    [InlineData("1e999", "", 0)]
    [InlineData("""{"a":[0,-1e999]}""", "/a/1", 8)]
    [InlineData("""{"x":{"y/z~":1E+400}}""", "/x/y~1z~0", 13)]
    [InlineData("""[{"k":1},{"k":[1e308,1e309]}]""", "/1/k/1", 21)]
    public void D2_numbers_out_of_range_are_refused_naming_pointer_and_byte(string text, string pointer, long byteIndex)
    {
        var problem = StrictJson.Read(Encoding.UTF8.GetBytes(text)).Problem;

        Assert.NotNull(problem);
        Assert.Equal(StrictJsonProblemKind.Unstorable, problem.Kind);
        Assert.Equal(pointer, problem.Pointer);
        Assert.Equal(byteIndex, problem.BytePosition);
    }

    [Fact]
    public void D2_the_message_names_the_source_the_pointer_and_the_byte()
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => StrictJson.Parse("""{"data": {"n": 1e999}}""", "--data"));

        Assert.Equal("--data: the number is out of range (beyond ±1.8e308, so not finite) at JSON pointer '/data/n' (byte 16).", error.Message);
    }

    // D5 (NUL in a key), and the duplicate keys and lone surrogates that JsonObject would otherwise fail on later.
    [Theory]
    [InlineData("""{"k\u0000":1}""", "/k\0", "a key contains the NUL character")]
    [InlineData("""{"a":{"b":1,"b":2}}""", "/a/b", "the key appears twice")]
    [InlineData("""{"a":["\udc00"]}""", "/a/0", "the string escapes a lone UTF-16 surrogate")]
    [InlineData("""{"a":{"\ud800x":1}}""", "/a", "a key escapes a lone UTF-16 surrogate")]
    public void Keys_and_strings_that_cannot_be_stored_are_refused(string text, string pointer, string reason)
    {
        var problem = StrictJson.Read(Encoding.UTF8.GetBytes(text)).Problem;

        Assert.NotNull(problem);
        Assert.Equal(StrictJsonProblemKind.Unstorable, problem.Kind);
        Assert.Equal(pointer, problem.Pointer);
        Assert.StartsWith(reason, problem.Reason);
    }

    [Theory]
    [InlineData("{\"a\":", "not valid JSON (line 1, byte 6 of the line)")]
    [InlineData("{\"a\": \"\xff\"}", "not valid UTF-8")]
    public void Text_that_is_not_json_is_a_syntax_problem(string text, string reason)
    {
        var bytes = text.Contains('\xff', StringComparison.Ordinal) ? [.. Encoding.UTF8.GetBytes(text.Split('\xff')[0]), 0xff, .. Encoding.UTF8.GetBytes(text.Split('\xff')[1])] : Encoding.UTF8.GetBytes(text);

        var problem = StrictJson.Read(bytes).Problem;

        Assert.NotNull(problem);
        Assert.Equal(StrictJsonProblemKind.Syntax, problem.Kind);
        Assert.Equal(reason, problem.Reason);
    }

    [Fact]
    public void A_lone_surrogate_in_dotnet_text_is_refused_before_encoding()
    {
        var problem = StrictJson.Read("{\"a\":\"x\ud800\"}").Problem;

        Assert.NotNull(problem);
        Assert.Equal("MSG: not valid text: a lone UTF-16 surrogate at character 8.", problem.Describe("MSG"));
    }

    [Theory]
    [InlineData("""{"a":[1,2.5,-3e10,1e308,-1e-999,"x\u0000y",null,true]}""")]
    [InlineData("""{"\ud83d\ude00":"\ud83d\ude00"}""")]
    [InlineData("123456789012345678901234567890")]
    public void Storable_json_parses_to_the_same_value(string text)
    {
        var result = StrictJson.Read(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Problem);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(text)!.ToJsonString(), result.Node!.ToJsonString());
    }
}
