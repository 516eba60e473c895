namespace PipelineSdk.Generator.Inputs;

/// <summary>What an AdditionalFile is to the generator, from its <c>PipelineSdkKind</c> metadata.</summary>
internal enum InputKind
{
    /// <summary>An event schema: the state machine (<c>x-pipelinejob-fsm</c>) and/or per-event payloads.</summary>
    Events,
    /// <summary>A config schema: settings records and a binder.</summary>
    Config,
    /// <summary>A reactor message schema (<c>message.jsonschema</c>, <c>message_schemas/*.jsonschema</c>): a message record with a reader.</summary>
    Message,
    /// <summary>Only a <c>$ref</c> target; emits nothing.</summary>
    Schema,
    /// <summary>The metadata names no known kind (reported, then ignored).</summary>
    Unknown,
}
