using PipelineSdk.Reactors;

namespace PipelineSdk.Reactors.Tests;

public sealed class MessageProvenanceTests
{
    // Expected values follow python-reactors runtime/messaging.py message_provenance/message_vars: each mapped
    // variable that is set and non-empty becomes its x_src_* (or x_session) parameter, x_session falls back to the
    // session, and the tags overwrite the caller's own parameters.
    [Fact]
    public void Adds_present_sender_tags_and_the_session()
    {
        var sender = new Dictionary<string, string>
        {
            ["_abaco_actor_id"] = "G46vjoAVzGkkz",
            ["_abaco_execution_id"] = "kGqWBz3Pm6Pwz",
            ["APP_ID"] = "app-0.1.0",
            ["JOB_ID"] = "",
            ["EVENT"] = "finish",
            ["UUID"] = "1073f4ff",
            ["OTHER"] = "not a tag",
        };

        var parameters = MessageProvenance.Build(sender, "brave-otter", new Dictionary<string, string> { ["x_src_event"] = "mine", ["note"] = "hi" });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["note"] = "hi",
                ["x_src_actor_id"] = "G46vjoAVzGkkz",
                ["x_src_execution_id"] = "kGqWBz3Pm6Pwz",
                ["x_src_app_id"] = "app-0.1.0",
                ["x_src_event"] = "finish",
                ["x_src_uuid"] = "1073f4ff",
                ["x_session"] = "brave-otter",
            },
            parameters);
    }

    [Fact]
    public void An_event_uuid_carries_on_as_the_session()
    {
        var parameters = MessageProvenance.Build(new Dictionary<string, string> { ["_event_uuid"] = "evt-123" }, "brave-otter");

        Assert.Equal(new Dictionary<string, string> { ["x_session"] = "evt-123" }, parameters);
    }

    [Fact]
    public void Without_sender_tags_only_the_session_is_added_and_the_callers_dictionary_is_untouched()
    {
        var caller = new Dictionary<string, string> { ["a"] = "1" };

        var parameters = MessageProvenance.Build(new Dictionary<string, string> { ["_abaco_actor_id"] = "G46vjoAVzGkkz" }, "brave-otter", caller, includeSenderTags: false);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["x_session"] = "brave-otter" }, parameters);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1" }, caller);
    }
}
