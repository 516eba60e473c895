using System.Text.Json.Nodes;
using PipelineSdk.Python;

namespace PipelineSdk.Reactors.Tests;

public sealed class PythonLiteralTests
{
    // Inputs are repr() of Python dicts and expected values json.dumps() of the same dicts, printed by
    // /usr/bin/python3 (3.13) with the script /tmp/rx/literals.py described in the report.
    public static TheoryData<string, string> ReprVectors => new()
    {
        {
            "{'application_id': '643-abc', 'username': 'jdoe', 'n': 3, 'f': 1.5, 'ok': True, 'no': False, 'nil': None, 'list': [1, 2, 'x'], 'nested': {'a': {'b': [], 'c': {}}}}",
            "{\"application_id\": \"643-abc\", \"username\": \"jdoe\", \"n\": 3, \"f\": 1.5, \"ok\": true, \"no\": false, \"nil\": null, \"list\": [1, 2, \"x\"], \"nested\": {\"a\": {\"b\": [], \"c\": {}}}}"
        },
        {
            "{\"it's\": 'say \"hi\"', 'both': 'it\\'s \"x\"', 'tab': 'a\\tb\\n\\r', 'uni': '\u00e9\u2603\ud83d\ude00', 'ctrl': '\\x00\\x1f\\x7f\\x80', 'back': 'c:\\\\path\\\\', 'nbsp': '\\xa0\\u2028'}",
            "{\"it's\": \"say \\\"hi\\\"\", \"both\": \"it's \\\"x\\\"\", \"tab\": \"a\\tb\\n\\r\", \"uni\": \"\u00e9\u2603\ud83d\ude00\", \"ctrl\": \"\\u0000\\u001f\u007f\u0080\", \"back\": \"c:\\\\path\\\\\", \"nbsp\": \"\u00a0\u2028\"}"
        },
        {
            "{'t': (1, 'a'), 'one': (1,), 'empty': (), 'big': 1180591620717411303424, 'neg': -5, 'small': 1e-05, 'large': 1e+16, 'negzero': -0.0, 'pi': 3.141592653589793}",
            "{\"t\": [1, \"a\"], \"one\": [1], \"empty\": [], \"big\": 1180591620717411303424, \"neg\": -5, \"small\": 1e-05, \"large\": 1e+16, \"negzero\": -0.0, \"pi\": 3.141592653589793}"
        },
    };

    [Theory]
    [MemberData(nameof(ReprVectors))]
    public void Parses_python_repr_of_dicts_like_json_dumps_of_the_same_dict(string repr, string json)
    {
        var parsed = PythonLiteral.Parse(repr);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), parsed), $"got {parsed?.ToJsonString()}");
    }

    [Fact]
    public void Reads_python_2_unicode_strings_as_keys_and_values_with_their_escapes()
    {
        // Python 2's repr of {u'name': u'run', u'q': [u'caf\xe9', u'\u2603']}, one key in the U"…" spelling.
        var parsed = PythonLiteral.Parse("{u'name': u'run', U\"q\": [u'caf\\xe9', u'\\u2603']}");

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["name"] = "run", ["q"] = new JsonArray("caf\u00e9", "\u2603") }, parsed), parsed?.ToJsonString());
    }

    [Fact]
    public void Keeps_big_integers_exact()
    {
        Assert.Equal("1180591620717411303424", PythonLiteral.Parse("1180591620717411303424")!.ToJsonString());
    }

    [Theory]
    [InlineData("None", null)]
    [InlineData("  True ", "true")]
    [InlineData("(1)", "1")]
    [InlineData("[1, 2, ]", "[1,2]")]
    [InlineData("{'a': 1, 'a': 2, 'b': 3}", "{\"a\":2,\"b\":3}")]
    [InlineData("'\\101\\7'", "\"A\\u0007\"")]
    [InlineData("'\\d'", "\"\\\\d\"")]
    [InlineData("{\n  'a': [\n    1,\n  ],\n}", "{\"a\":[1]}")]
    [InlineData(".5", "0.5")]
    [InlineData("- 3", "-3")]
    public void Parses_the_rest_of_the_subset_as_python_does(string literal, string? expectedJson)
    {
        var parsed = PythonLiteral.Parse(literal);

        Assert.Equal(expectedJson, parsed?.ToJsonString());
    }

    [Theory]
    [InlineData("{'a': 1", 7, "expected ',' or '}'")]
    [InlineData("{'a': 1,", 8, "expected '}' but the text ended")]
    [InlineData("{'a' 1}", 5, "expected ':'")]
    [InlineData("{1: 'a'}", 1, "expected a string dict key")]
    [InlineData("{'a': 'b}", 6, "unterminated string")]
    [InlineData("{'a': true}", 6, "'true' is not a literal (only True, False and None are names)")]
    [InlineData("[1, 2] x", 7, "unexpected text after the literal")]
    [InlineData("__import__('os')", 0, "'__import__' is not a literal (only True, False and None are names)")]
    [InlineData("[1 2]", 3, "expected ',' or ']'")]
    [InlineData("b'bytes'", 0, "string prefixes r, b and f are not supported")]
    [InlineData("{u'a': ur'x'}", 7, "string prefixes r, b and f are not supported")]
    [InlineData("'''doc'''", 0, "triple-quoted strings are not supported")]
    [InlineData("'\\x4'", 1, "escape needs 2 hexadecimal digits")]
    [InlineData("'\\N{DASH}'", 1, @"named escapes (\N{...}) are not supported")]
    [InlineData("012", 0, "integers with leading zeros are not allowed")]
    [InlineData("1j", 0, "numbers with suffixes, underscores or other bases are not supported")]
    [InlineData("1e999", 0, "float is out of range")]
    [InlineData("{'a': {1, 2}}", 7, "expected a string dict key")]
    [InlineData("", 0, "expected a value but the text ended")]
    public void Rejects_malformed_text_naming_the_position(string literal, int position, string problem)
    {
        var error = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse(literal));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(position, error.Position);
        Assert.Contains($"at position {position} (line 1, column {position + 1})", error.Message);
    }

    [Fact]
    public void Reports_line_and_column_on_multi_line_text()
    {
        var error = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse("{\n  'a': 1,\n  'b' 2\n}"));

        Assert.Equal("expected ':' at position 18 (line 3, column 7)", error.Message);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        var text = new string('[', PythonLiteral.MaxDepth + 2) + new string(']', PythonLiteral.MaxDepth + 2);

        var error = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse(text));

        Assert.Contains("nest deeper", error.Message);
    }
}
