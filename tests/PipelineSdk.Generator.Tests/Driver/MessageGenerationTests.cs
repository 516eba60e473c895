using System.Reflection;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Generator.Tests.TestKit;
using PipelineSdk.Reactors;

namespace PipelineSdk.Generator.Tests.Driver;

/// <summary>Message schemas: a record with Validate/ToJsonObject and a reflection-free FromJson, against the runtime assembly.</summary>
public sealed class MessageGenerationTests
{
    private const string HintName = "PipelineSdk.Messages.Message.g.cs";

    private static readonly Schema Message = Schema.Test("message.jsonschema", "Message", "/project/");

    private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.Run([Message], Runtime.Assembly, """
        namespace Consumer.Reactor
        {
            internal static class Reading
            {
                // ReactorContext.ReadMessage<T> accepts the generated record: it implements IReactorMessage<T>.
                public static JobRequestMessage Read(PipelineSdk.Reactors.ReactorContext context) => context.ReadMessage<JobRequestMessage>();
            }
        }
        """));

    [Fact]
    public void Generated_code_compiles_against_the_runtime_assembly_without_any_warning()
    {
        var run = Generated.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        Assert.Equal([HintName], run.HintNames);
    }

    [Fact]
    public void A_valid_message_is_read_with_defaults_and_written_back()
    {
        var json = JsonNode.Parse("""
            {"uuid": "1071269f-x", "name": "update", "priority": 2.0, "threshold": 0.5, "dry_run": true, "tags": ["a", "b"],
             "files": [{"uri": "agave://data/a.csv", "size": 10}, {"uri": "agave://data/b.csv", "size": null}], "data": {"k": [1, 2]}}
            """);

        var message = FromJson(json);

        Assert.Equal("Update", Read(message, "Name")!.ToString());
        Assert.Equal(2L, Read(message, "Priority"));
        Assert.Equal(0.5, Read(message, "Threshold"));
        Assert.Equal(true, Read(message, "DryRun"));
        var files = (System.Collections.IList)Read(message, "Files")!;
        Assert.Equal("agave://data/b.csv", Read(files[1]!, "Uri"));
        Assert.Null(Read(files[1]!, "Size"));
        var written = (JsonObject)message.GetType().GetMethod("ToJsonObject")!.Invoke(message, null)!;
        Assert.Equal("""{"uuid":"1071269f-x","name":"update","priority":2,"threshold":0.5,"dry_run":true,"tags":["a","b"],"files":[{"uri":"agave://data/a.csv","size":10},{"uri":"agave://data/b.csv"}],"data":{"k":[1,2]}}""", written.ToJsonString());
        Assert.Equal(3L, Read(FromJson(JsonNode.Parse("""{"uuid": "10712345-", "name": "run", "files": [{"uri": "agave://x"}]}""")), "Priority"));
    }

    [Fact]
    public void Every_violation_is_listed_with_its_json_pointer_in_one_exception()
    {
        var json = JsonNode.Parse("""
            {"uuid": "1061269f-x", "name": "launch", "token": "short", "priority": 9, "threshold": 0, "dry_run": "yes",
             "tags": ["a", "b", "c", "d"], "files": [{"extra": 1}, {"uri": "http://x", "size": -1}], "data": 5, "colour": "red"}
            """);

        var exception = Assert.Throws<PipelineJobValidationException>(() => FromJson(json));

        // Reading (types, presence, unknown keys) first, then the schema checks; none twice for one value.
        Assert.Equal(
            [
                "/colour is not allowed (additionalProperties is false)",
                "/name must be one of run, update, finish",
                "/dry_run must be of type boolean",
                "/files/0/extra is not allowed (additionalProperties is false)",
                "/files/0/uri is required",
                "/uuid must match the pattern ^107[0-9a-f]{5}-",
                "/token must be at least 16 character(s) long",
                "/priority must be at most 5",
                "/threshold must be greater than 0",
                "/tags must have at most 3 item(s)",
                "/files/1/uri must match the pattern ^agave://",
                "/files/1/size must be at least 0",
                "/data must be of type object",
            ],
            exception.Problems);
    }

    [Theory]
    [InlineData("{}", new[] { "/uuid is required", "/name is required", "/files is required" })]
    [InlineData("\"hello\"", new[] { "(root) must be a JSON object" })]
    [InlineData("null", new[] { "(root) must be a JSON object" })]
    [InlineData("""{"uuid": 7, "name": null, "files": [null, 3], "priority": 1e30, "tags": "a"}""", new[]
    {
        "/uuid must be of type string", "/name must not be null", "/priority must be of type integer", "/tags must be of type array",
        "/files/0 must not be null", "/files/1 must be a JSON object",
    })]
    public void Structural_problems_are_named_once(string text, string[] expected)
    {
        var exception = Assert.Throws<PipelineJobValidationException>(() => FromJson(JsonNode.Parse(text)));

        Assert.Equal(expected, exception.Problems);
    }

    [Fact]
    public void Generated_source_matches_its_snapshot() =>
        Snapshot.Match(HintName, Generated.Value.Source(HintName));

    private static object FromJson(JsonNode? json)
    {
        var method = Generated.Value.Load().GetType("Consumer.Reactor.JobRequestMessage")!.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return method.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static object? Read(object value, string property) => value.GetType().GetProperty(property)!.GetValue(value);
}
