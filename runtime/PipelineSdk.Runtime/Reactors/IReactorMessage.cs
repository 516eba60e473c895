using System.Text.Json.Nodes;

namespace PipelineSdk.Reactors;

/// <summary>
/// A typed reactor message, generated from a message schema (<c>message.jsonschema</c> or a file of
/// <c>message_schemas/</c>, kind <c>Message</c>). <see cref="ReactorContext.ReadMessage{TMessage}"/> reads one from the
/// decoded <c>MSG</c> without reflection.
/// </summary>
/// <typeparam name="TSelf">The generated message record.</typeparam>
public interface IReactorMessage<TSelf> where TSelf : IReactorMessage<TSelf>
{
    /// <summary>Reads and checks a decoded message.</summary>
    /// <param name="json">The decoded message (null when there is none).</param>
    /// <returns>The message.</returns>
    /// <exception cref="Errors.PipelineJobValidationException">Lists every violation, each starting with its JSON pointer.</exception>
    static abstract TSelf FromJson(JsonNode? json);

    /// <summary>Checks every keyword of the schema; one message per violation, each starting with its JSON pointer.</summary>
    /// <returns>The violations; empty when valid.</returns>
    IReadOnlyList<string> Validate();

    /// <summary>The message as JSON, with the schema's property names (for <see cref="ReactorContext.SendMessageAsync"/>).</summary>
    /// <returns>A new JSON object.</returns>
    JsonObject ToJsonObject();
}
