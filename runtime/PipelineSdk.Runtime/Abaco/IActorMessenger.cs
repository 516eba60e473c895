using System.Text.Json.Nodes;

namespace PipelineSdk.Abaco;

/// <summary>Sends a message to an Abaco actor; the runtime's Abaco HTTP client implements it.</summary>
public interface IActorMessenger
{
    /// <summary>Posts <paramref name="message"/> to <paramref name="actorId"/> and returns the new execution's id.</summary>
    /// <param name="actorId">The actor id or alias.</param>
    /// <param name="message">The message.</param>
    /// <param name="environment">Query parameters, each of which becomes an environment variable of the execution.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    Task<string> SendMessageAsync(
        string actorId,
        JsonNode message,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken);
}
