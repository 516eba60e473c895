using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Tests.Identifiers;

public class ArchivePathsTests
{
    private const string Pipeline = "10650844-1baa-55c5-a481-5e945b19c065";

    private static readonly DateTimeOffset At = new(2019, 2, 15, 21, 30, 9, TimeSpan.Zero);

    // Python original's vector: test_pipejob_setup_minimal's job (init data {}); H2 of {} is the test_303 comment's value.
    [Fact]
    public void Spec_vector_for_the_minimal_setup_job() =>
        Assert.Equal(
            "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp",
            ArchivePaths.Default(Pipeline, ["102edd93-29d6-5483-b60b-8dfd4d094b9c"], []));

    // The Python original's H1/H2 table: the segments of the path.
    [Theory]
    [InlineData("1041ab3f-5221-5c79-8781-8838dfb6eef9", "{}", "kZpoopq2GBKYy6DQ9pqqNbk8", "PAVpwrObxp5YjYRvrJOd5yVp")]
    [InlineData("10483e8d-6602-532a-8941-176ce20dd05a|104dae4d-a677-5991-ae1c-696d2ee9884e", "{}", "3pGOjjEYq3BZ2DJ6e0jLQqWb", "PAVpwrObxp5YjYRvrJOd5yVp")]
    [InlineData("104dae4d-a677-5991-ae1c-696d2ee9884e|10483e8d-6602-532a-8941-176ce20dd05a", "{}", "3pGOjjEYq3BZ2DJ6e0jLQqWb", "PAVpwrObxp5YjYRvrJOd5yVp")]
    [InlineData("10452d7e-7f0a-59df-a1a3-c5bb44e07f2f", """{"alpha":0.5}""", "5pQxBkRrRe2GEPOWWZBq4LNQ", "0p5yeV3VR3OELzgoJ5kk6Yxw")]
    [InlineData("", """{"alpha":0.50}""", "BAkwe8wKZY2NgXyBpX8K5R1D", "0p5yeV3VR3OELzgoJ5kk6Yxw")]
    public void Spec_hash_segments(string childOf, string initData, string h1, string h2) =>
        Assert.Equal(
            $"/products/v2/106508441baa55c5a4815e945b19c065/{h1}/{h2}",
            ArchivePaths.Default(Pipeline, Split(childOf), JsonNode.Parse(initData)!.AsObject()));

    // Computed with /usr/bin/python3 (3.11) and python3-hashids 1.3.1:
    // ('/products/v2/' + p + '/' + hashid(typed_uuid(':'.join(sorted(child_of)), 'generic')) + '/'
    //  + hashid(typed_uuid(json.dumps(data, sort_keys=True, separators=(',', ':')), 'generic'))).replace('-', '')
    [Theory]
    [InlineData("10650844-1baa-55c5-a481-5e945b19c065", "", "{}", "/products/v2/106508441baa55c5a4815e945b19c065/BAkwe8wKZY2NgXyBpX8K5R1D/PAVpwrObxp5YjYRvrJOd5yVp")]
    [InlineData("10650844-1baa-55c5-a481-5e945b19c065", "104dae4d-a677-5991-ae1c-696d2ee9884e|102edd93-29d6-5483-b60b-8dfd4d094b9c", "{\"b\": 1, \"a\": \"caf\\u00e9\"}", "/products/v2/106508441baa55c5a4815e945b19c065/ZlnrYVxPqvB1zXlQjZKJzLke/rj1w5wr35zGglJnZDnnk4V8A")]
    [InlineData("106c46ff-8186-5756-a934-071f4497b58d", "10452d7e-7f0a-59df-a1a3-c5bb44e07f2f", "{\"alpha\": 0.5}", "/products/v2/106c46ff81865756a934071f4497b58d/5pQxBkRrRe2GEPOWWZBq4LNQ/0p5yeV3VR3OELzgoJ5kk6Yxw")]
    public void Python_computed_paths(string pipelineUuid, string childOf, string initData, string expected) =>
        Assert.Equal(expected, ArchivePaths.Default(pipelineUuid, Split(childOf), JsonNode.Parse(initData)!.AsObject()));

    // Same Python expression with Hashids(salt='another salt').
    [Fact]
    public void The_hashids_salt_is_honoured() =>
        Assert.Equal(
            "/products/v2/106508441baa55c5a4815e945b19c065/vDaMzYMwbA4oVq0m7qYwprJE/0ZDv74p0YvKEyEe64gpmKJDv",
            ArchivePaths.Default(Pipeline, [], [], "another salt"));

    [Theory]
    [InlineData("107b93f3-1eae-5e79-8a18-0a480f8aa3a5")]
    [InlineData("../../etc")]
    [InlineData("/10650844-1baa-55c5-a481-5e945b19c065")]
    [InlineData("")]
    public void The_pipeline_uuid_must_be_a_pipeline_uuid(string pipelineUuid)
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => ArchivePaths.Default(pipelineUuid, [], []));
        Assert.StartsWith($"pipelineUuid '{pipelineUuid}'", error.Message);
    }

    [Theory]
    [InlineData("sensible-adder", "sensible-adder-20190215T213009Z")]
    [InlineData("sensible-adder-", "sensible-adder-20190215T213009Z")]
    [InlineData("abcd", "abcd-20190215T213009Z")]
    [InlineData("caf\u00e9", "caf\u00e9-20190215T213009Z")]
    [InlineData("a.b c", "a.b c-20190215T213009Z")]
    public void Instanced_directory_appends_the_utc_time(string session, string expected) =>
        Assert.Equal(expected, ArchivePaths.InstancedDirectory(session, At));

    [Fact]
    public void Instanced_directory_uses_utc_whatever_the_offset() =>
        Assert.Equal("s123-20190215T213009Z", ArchivePaths.InstancedDirectory("s123", new DateTimeOffset(2019, 2, 15, 16, 30, 9, TimeSpan.FromHours(-5))));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("\U0001F600\U0001F600\U0001F600")] // three code points (six UTF-16 units): short, as Python's len() says
    public void Short_or_missing_sessions_get_a_generated_name_without_separator(string? session)
    {
        var directory = ArchivePaths.InstancedDirectory(session, At);
        Assert.Matches("^[a-z]{1,8}-[a-z]{1,8}20190215T213009Z$", directory);
    }

    [Theory]
    [InlineData("../../../etc", "contains '/'")]
    [InlineData("....", "contains '..'")]
    [InlineData("a..b", "contains '..'")]
    [InlineData("sess/ion", "contains '/'")]
    [InlineData("sess\\ion", "contains '\\'")]
    [InlineData("sess\nion", "contains a control character")]
    [InlineData("sess\u0000ion", "contains a control character")]
    public void Sessions_with_path_syntax_are_refused_naming_session(string session, string problem)
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => ArchivePaths.InstancedDirectory(session, At));
        Assert.StartsWith("session ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Instanced_path_is_the_default_path_plus_the_directory() =>
        Assert.Equal(
            "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp/sensible-adder-20190215T213009Z",
            ArchivePaths.Instanced(Pipeline, ["102edd93-29d6-5483-b60b-8dfd4d094b9c"], [], "sensible-adder", At));

    private static string[] Split(string childOf) => childOf.Length == 0 ? [] : childOf.Split('|');
}
