using PipelineSdk.Errors;
using PipelineSdk.Reactors.Tests.Demo;
using PipelineSdk.Reactors.Tests.Support;
using PipelineSdk.Reactors;

namespace PipelineSdk.Reactors.Tests;

/// <summary>
/// <c>ReactorContext.ReadMessage&lt;T&gt;</c> with JobEventMessage, generated in this project from message.jsonschema
/// (picked up by the generator props' Message glob).
/// </summary>
public sealed class ReadMessageTests
{
    [Fact]
    public void The_python_literal_message_abaco_delivers_reads_into_the_generated_record()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Deployed());

        var message = context.ReadMessage<JobEventMessage>();

        Assert.Equal("1073f4ff-c2b9-5190-bd9a-e6a406d9796a", message.Uuid);
        Assert.Equal(JobEventMessageName.Run, message.Name);
        Assert.Equal("it's on", (string?)message.Data!["note"]);
        Assert.Equal(true, (bool?)message.Data["ok"]);
        Assert.Null(message.Token);
        Assert.Empty(message.Validate());
    }

    [Fact]
    public void An_invalid_message_lists_every_violation_with_its_json_pointer()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Local("{'uuid': '1063f4ff', 'name': 'launch', 'token': 'abc', 'data': [1], 'extra': None}"));

        var error = Assert.Throws<PipelineJobValidationException>(() => context.ReadMessage<JobEventMessage>());

        Assert.Equal(
            [
                "/extra is not allowed (additionalProperties is false)",
                "/name must be one of update, resource, run, fail, finish, validate, validated, reject, finalize, retire",
                "/uuid must match the pattern ^107[0-9a-f]{5}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                "/data must be of type object",
                "/token must be at least 16 character(s) long",
            ],
            error.Problems);
    }

    [Fact]
    public void No_message_is_a_validation_error_too()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Local());

        var error = Assert.Throws<PipelineJobValidationException>(() => context.ReadMessage<JobEventMessage>());

        Assert.Equal(["(root) must be a JSON object"], error.Problems);
    }
}
