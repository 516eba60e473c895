using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.Json;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Python;

namespace PipelineSdk.Tests.Identifiers;

public class PythonJsonTests
{
    // Expected values computed with /usr/bin/python3 (3.11):
    // json.dumps(json.loads(text), sort_keys=True, separators=(',', ':'))
    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("[]", "[]")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("\"x\"", "\"x\"")]
    [InlineData("1", "1")]
    [InlineData("{\"b\":1,\"a\":2}", "{\"a\":2,\"b\":1}")]
    [InlineData("{\"z\":{\"y\":[1,{\"b\":null,\"a\":true}],\"x\":false},\"a\":[],\"m\":{}}", "{\"a\":[],\"m\":{},\"z\":{\"x\":false,\"y\":[1,{\"a\":true,\"b\":null}]}}")]
    [InlineData("{\"k\":\"caf\u00E9 \u4E2D\u6587 \U0001F600\"}", "{\"k\":\"caf\\u00e9 \\u4e2d\\u6587 \\ud83d\\ude00\"}")]
    [InlineData("{\"k\":\"caf\\u00e9 \\ud83d\\ude00\"}", "{\"k\":\"caf\\u00e9 \\ud83d\\ude00\"}")]
    [InlineData("{\"q\":\"say \\\"hi\\\" it's\",\"b\":\"back\\\\slash\",\"s\":\"/<>&'\"}", "{\"b\":\"back\\\\slash\",\"q\":\"say \\\"hi\\\" it's\",\"s\":\"/<>&'\"}")]
    [InlineData("{\"c\":\"\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t\\u0080\\u00ff\\u2028\\uffff\"}", "{\"c\":\"\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t\\u0080\\u00ff\\u2028\\uffff\"}")]
    [InlineData("{\"\uE000\":1,\"\U0001F600\":2,\"\uFFFF\":3,\"a\":4,\"\u00E9\":5,\"Z\":6}", "{\"Z\":6,\"a\":4,\"\\u00e9\":5,\"\\ue000\":1,\"\\uffff\":3,\"\\ud83d\\ude00\":2}")]
    [InlineData("{\"\U0001F600\":{\"\uE000\":[],\"\U00010000\":0}}", "{\"\\ud83d\\ude00\":{\"\\ue000\":[],\"\\ud800\\udc00\":0}}")]
    [InlineData("{\"n\":[0,-0,1,-1,12345678901234567890123,-9223372036854775809,9007199254740993,18446744073709551616]}", "{\"n\":[0,0,1,-1,12345678901234567890123,-9223372036854775809,9007199254740993,18446744073709551616]}")]
    [InlineData("[0.5,0.00001,1e-5,1E16,1e16,10000000000000000.0,3.0,-0.0,1.5e300,0.1,0.2,0.30000000000000004]", "[0.5,1e-05,1e-05,1e+16,1e+16,1e+16,3.0,-0.0,1.5e+300,0.1,0.2,0.30000000000000004]")]
    [InlineData("[1e400,-1e400,1e-400,-1e-400,1.0e2,2.5E-7,1e15,1e22,5e-324,1.7976931348623157e308,0.0001,0.001]", "[Infinity,-Infinity,0.0,-0.0,100.0,2.5e-07,1000000000000000.0,1e+22,5e-324,1.7976931348623157e+308,0.0001,0.001]")]
    [InlineData("[123.456,1234567890123456.7,9007199254740993.0,1e-4,1e-05,123e-2,0.1e1,100e-2,1.25e+2,-2.5e-10]", "[123.456,1234567890123456.8,9007199254740992.0,0.0001,1e-05,1.23,1.0,1.0,125.0,-2.5e-10]")]
    [InlineData("[1,\"a\",null,true,false,[],{},[[[]]],{\"a\":{\"b\":{\"c\":{}}}}]", "[1,\"a\",null,true,false,[],{},[[[]]],{\"a\":{\"b\":{\"c\":{}}}}]")]
    [InlineData("{\"param1\":\"value1\",\"param2\":1,\"param3\":true,\"param4\":[1,2,3],\"param5\":[\"a\",\"b\",\"c\"]}", "{\"param1\":\"value1\",\"param2\":1,\"param3\":true,\"param4\":[1,2,3],\"param5\":[\"a\",\"b\",\"c\"]}")]
    [InlineData("{\"alpha\":0.5}", "{\"alpha\":0.5}")]
    [InlineData("{\"emoji\":\"\U0001F600\U0001F680\",\"han\":\"\u6F22\u5B57\",\"rtl\":\"\u05E9\u05DC\u05D5\u05DD\"}", "{\"emoji\":\"\\ud83d\\ude00\\ud83d\\ude80\",\"han\":\"\\u6f22\\u5b57\",\"rtl\":\"\\u05e9\\u05dc\\u05d5\\u05dd\"}")]
    public void Matches_python_json_dumps_of_json_loads(string json, string expected)
    {
        Assert.Equal(expected, PythonJson.Dumps(JsonNode.Parse(json)));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, PythonJson.Dumps(document.RootElement));
        if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            Assert.Equal(expected, PythonJson.Dumps(JsonValue.Create(document.RootElement)));
        }
    }

    // Python: json.loads keeps the last of duplicate keys; json.dumps(json.loads('{"a":1,"a":2}')) == '{"a":2}'.
    [Fact]
    public void Duplicate_keys_of_a_json_element_keep_the_last_value()
    {
        using var document = JsonDocument.Parse("""{"a":1,"b":0,"a":2}""");
        Assert.Equal("""{"a":2,"b":0}""", PythonJson.Dumps(document.RootElement));
    }

    // CLR strings may hold lone surrogates: written per UTF-16 unit as Python writes them.
    // Python: json.dumps(['\ud800', 'x\udfff'], separators=(',', ':')) == '["\\ud800","x\\udfff"]'
    [Fact]
    public void Lone_surrogates_of_clr_strings_are_written_as_escapes() =>
        Assert.Equal("[\"\\ud800\",\"x\\udfff\"]", PythonJson.Dumps(new JsonArray("\ud800", "x\udfff")));

    // JSON text with a lone surrogate escape: System.Text.Json cannot read it, MongoDB cannot store it; the error
    // names the place.
    [Theory]
    [InlineData("""{"a":[1,"\ud800"]}""", "$.a[1]")]
    [InlineData("""{"a":{"\udfff":1}}""", "$.a")]
    public void Lone_surrogate_escapes_in_json_text_are_refused_naming_the_path(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var error = Assert.Throws<PipelineJobValidationException>(() => PythonJson.Dumps(document.RootElement));
        Assert.StartsWith(path + ": ", error.Message);
        error = Assert.Throws<PipelineJobValidationException>(() => PythonJson.Dumps(JsonNode.Parse(json)));
        Assert.StartsWith(path + ": ", error.Message);
    }

    [Fact]
    public void A_null_node_is_null() => Assert.Equal("null", PythonJson.Dumps((JsonNode?)null));

    // CLR values: a double or float is a Python float; other values are read from the JSON text System.Text.Json
    // writes for them. Python: json.dumps(3.0) == '3.0', json.dumps(json.loads('1.10')) == '1.1',
    // json.dumps(float('16777216')) == '16777216.0', json.dumps(float('nan')) == 'NaN', json.dumps(2**100) == ...
    public static TheoryData<JsonNode?, string> ClrValues() => new()
    {
        { JsonValue.Create(3), "3" },
        { JsonValue.Create(-42L), "-42" },
        { JsonValue.Create(long.MaxValue), "9223372036854775807" },
        { JsonValue.Create(ulong.MaxValue), "18446744073709551615" },
        { JsonValue.Create(Int128.MaxValue), "170141183460469231731687303715884105727" },
        { JsonValue.Create(BigInteger.Pow(2, 100)), "1267650600228229401496703205376" },
        { JsonValue.Create(3.0), "3.0" },
        { JsonValue.Create(0.1 + 0.2), "0.30000000000000004" },
        { JsonValue.Create(1e16), "1e+16" },
        { JsonValue.Create(1e-5), "1e-05" },
        { JsonValue.Create(-0.0), "-0.0" },
        { JsonValue.Create(double.PositiveInfinity), "Infinity" },
        { JsonValue.Create(double.NegativeInfinity), "-Infinity" },
        { JsonValue.Create(double.NaN), "NaN" },
        { JsonValue.Create(0.1f), "0.1" },
        { JsonValue.Create(16777216f), "16777216.0" },
        { JsonValue.Create(float.NegativeInfinity), "-Infinity" },
        { JsonValue.Create(1.10m), "1.1" },
        { JsonValue.Create(3m), "3" },
        { JsonValue.Create(true), "true" },
        { JsonValue.Create(false), "false" },
        { JsonValue.Create('x'), "\"x\"" },
        { JsonValue.Create("caf\u00e9\U0001F600"), "\"caf\\u00e9\\ud83d\\ude00\"" },
        { JsonValue.Create(new Guid("107b93f3-1eae-5e79-8a18-0a480f8aa3a5")), "\"107b93f3-1eae-5e79-8a18-0a480f8aa3a5\"" },
        { new JsonObject { ["b"] = 1, ["a"] = new JsonArray(1.5, "x", null, new JsonObject()) }, """{"a":[1.5,"x",null,{}],"b":1}""" },
    };

    [Theory]
    [MemberData(nameof(ClrValues))]
    public void Clr_values_serialise_as_python_would_read_them(JsonNode? node, string expected) =>
        Assert.Equal(expected, PythonJson.Dumps(node));

    [Fact]
    public void Key_order_does_not_matter()
    {
        var random = new Random(17);
        for (var i = 0; i < 500; i++)
        {
            var json = RandomJson.Object(random, depth: 3);
            var expected = PythonJson.Dumps(JsonNode.Parse(json));
            var shuffled = RandomJson.ShuffleKeys(JsonNode.Parse(json)!, random);
            Assert.Equal(expected, PythonJson.Dumps(shuffled));
        }
    }

    [Fact]
    public void Output_is_ascii_and_reads_back_as_the_same_values()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 2000; i++)
        {
            var json = RandomJson.Object(random, depth: 4);
            using var input = JsonDocument.Parse(json);
            var output = PythonJson.Dumps(input.RootElement);

            Assert.All(output, c => Assert.InRange(c, ' ', '~'));
            Assert.Equal(output, PythonJson.Dumps(JsonNode.Parse(json)));
            using var reread = JsonDocument.Parse(output);
            RandomJson.AssertSameValue(input.RootElement, reread.RootElement, "$");
            Assert.Equal(output, PythonJson.Dumps(reread.RootElement));
        }
    }
}
