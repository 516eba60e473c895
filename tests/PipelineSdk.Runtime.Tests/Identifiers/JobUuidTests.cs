using System.Text.Json.Nodes;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Tests.Identifiers;

public class JobUuidTests
{
    // Vectors of the Python original (the original's tests and docs), child_of separated by '|'.
    [Theory]
    [InlineData("10650844-1baa-55c5-a481-5e945b19c065", "10483e8d-6602-532a-8941-176ce20dd05a", """{"param1":"value1","param2":1,"param3":true,"param4":[1,2,3],"param5":["a","b","c"]}""", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5")]
    [InlineData("106c46ff-8186-5756-a934-071f4497b58d", "1041ab3f-5221-5c79-8781-8838dfb6eef9", "{}", "107596b8-25b2-557d-9702-853f0690c576")]
    [InlineData("106c46ff-8186-5756-a934-071f4497b58d", "10483e8d-6602-532a-8941-176ce20dd05a|104dae4d-a677-5991-ae1c-696d2ee9884e", "{}", "10704831-8017-5e39-a4d7-dd73a08b4a4b")]
    [InlineData("10650844-1baa-55c5-a481-5e945b19c065", "102edd93-29d6-5483-b60b-8dfd4d094b9c", """{"example_data":"datadata"}""", "107653ca-020f-5f03-9663-41cff415b087")]
    public void Spec_vectors(string pipelineUuid, string childOf, string data, string expected) =>
        Assert.Equal(expected, JobUuid.Compute(pipelineUuid, Split(childOf), JsonNode.Parse(data)!.AsObject()));

    [Fact]
    public void Spec_worked_canonical_text() =>
        Assert.Equal(
            "10650844-1baa-55c5-a481-5e945b19c065:['10483e8d-6602-532a-8941-176ce20dd05a']:{\"param1\":\"value1\",\"param2\":1,\"param3\":true,\"param4\":[1,2,3],\"param5\":[\"a\",\"b\",\"c\"]}",
            JobUuid.CanonicalText(
                "10650844-1baa-55c5-a481-5e945b19c065",
                ["10483e8d-6602-532a-8941-176ce20dd05a"],
                JsonNode.Parse("""{"param5":["a","b","c"],"param4":[1,2,3],"param3":true,"param2":1,"param1":"value1"}""")!.AsObject()));

    // Computed with /usr/bin/python3 (3.11), re-implementing get_typeduuid from the spec:
    // parts = sorted([pipeline, str(sorted(child_of)), json.dumps(data, sort_keys=True, separators=(',', ':'))]);
    // typed_uuid(':'.join(parts), 'pipelinejob'). Rows: empty child_of; three unsorted child_of and mixed data;
    // non-ASCII, quotes, an int beyond 64 bits and floats; nested objects; a non-UUID pipeline that sorts after '['
    // and one that sorts before '['/'{' with a quote in child_of (shows the three parts are sorted, not concatenated).
    [Theory]
    [InlineData("10650844-1baa-55c5-a481-5e945b19c065", "", "{}", "10650844-1baa-55c5-a481-5e945b19c065:[]:{}", "1076e56a-fca5-5cb0-ad4f-5626a716e829")]
    [InlineData("10650844-1baa-55c5-a481-5e945b19c065", "104dae4d-a677-5991-ae1c-696d2ee9884e|102edd93-29d6-5483-b60b-8dfd4d094b9c|10483e8d-6602-532a-8941-176ce20dd05a", "{\"b\": 1, \"a\": [1.5, null, true]}", "10650844-1baa-55c5-a481-5e945b19c065:['102edd93-29d6-5483-b60b-8dfd4d094b9c', '10483e8d-6602-532a-8941-176ce20dd05a', '104dae4d-a677-5991-ae1c-696d2ee9884e']:{\"a\":[1.5,null,true],\"b\":1}", "1076a466-322a-5d3f-8ce3-1ffabfe733ea")]
    [InlineData("10650844-1baa-55c5-a481-5e945b19c065", "10483e8d-6602-532a-8941-176ce20dd05a", "{\"name\": \"caf\\u00e9 \\ud83d\\ude00\", \"quote\": \"it's \\\"q\\\"\", \"big\": 1180591620717411303424, \"f\": [0.1, 1e-05, 1e+16, 3.0, -0.0]}", "10650844-1baa-55c5-a481-5e945b19c065:['10483e8d-6602-532a-8941-176ce20dd05a']:{\"big\":1180591620717411303424,\"f\":[0.1,1e-05,1e+16,3.0,-0.0],\"name\":\"caf\\u00e9 \\ud83d\\ude00\",\"quote\":\"it's \\\"q\\\"\"}", "107b91d7-03f5-5363-8b68-7a65708c7c3e")]
    [InlineData("106c46ff-8186-5756-a934-071f4497b58d", "1041ab3f-5221-5c79-8781-8838dfb6eef9", "{\"nested\": {\"z\": {\"y\": {}}, \"a\": []}}", "106c46ff-8186-5756-a934-071f4497b58d:['1041ab3f-5221-5c79-8781-8838dfb6eef9']:{\"nested\":{\"a\":[],\"z\":{\"y\":{}}}}", "107cd6f3-308e-5342-83bb-d9ac4eb56809")]
    [InlineData("zzz", "", "{}", "[]:zzz:{}", "10745afd-b5aa-5a3e-b554-d6a49901ba56")]
    [InlineData("{{", "it's", "{}", "[\"it's\"]:{{:{}", "1070d4de-5fd2-575d-bb4e-7b2af09b9755")]
    public void Python_computed_vectors(string pipelineUuid, string childOf, string data, string expectedText, string expected)
    {
        var dataObject = JsonNode.Parse(data)!.AsObject();
        Assert.Equal(expectedText, JobUuid.CanonicalText(pipelineUuid, Split(childOf), dataObject));
        Assert.Equal(expected, JobUuid.Compute(pipelineUuid, Split(childOf), dataObject));
    }

    [Fact]
    public void Child_of_order_and_data_key_order_do_not_matter()
    {
        var expected = JobUuid.Compute(
            "106c46ff-8186-5756-a934-071f4497b58d",
            ["10483e8d-6602-532a-8941-176ce20dd05a", "104dae4d-a677-5991-ae1c-696d2ee9884e"],
            JsonNode.Parse("""{"a":1,"b":{"c":2,"d":3}}""")!.AsObject());
        var actual = JobUuid.Compute(
            "106c46ff-8186-5756-a934-071f4497b58d",
            ["104dae4d-a677-5991-ae1c-696d2ee9884e", "10483e8d-6602-532a-8941-176ce20dd05a"],
            JsonNode.Parse("""{"b":{"d":3,"c":2},"a":1}""")!.AsObject());
        Assert.Equal(expected, actual);
        Assert.Equal(UuidType.PipelineJob, TypedUuid.GetType(actual));
    }

    [Fact]
    public void Null_arguments_are_rejected_by_name()
    {
        var data = new JsonObject();
        Assert.Equal("pipelineUuid", Assert.Throws<ArgumentNullException>(() => JobUuid.Compute(null!, [], data)).ParamName);
        Assert.Equal("childOf", Assert.Throws<ArgumentNullException>(() => JobUuid.Compute("p", null!, data)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => JobUuid.Compute("p", [], null!)).ParamName);
        var error = Assert.Throws<ArgumentException>(() => JobUuid.Compute("p", ["a", null!], data));
        Assert.Equal("childOf", error.ParamName);
        Assert.Contains("childOf[1]", error.Message);
    }

    private static string[] Split(string childOf) => childOf.Length == 0 ? [] : childOf.Split('|');
}
