using System.Text.Json.Nodes;
using PipelineSdk.Http;
using PipelineSdk.Reactors;

namespace PipelineSdk.Abaco;

/// <summary>
/// Sends the endpoint's messages (forwarded index events, state-change notifications) through
/// <see cref="AbacoClient"/>, each actor with its own nonce when one is configured (the original's
/// <c>job_indexer_nonce</c>, <c>events_manager_nonce</c>), else the client's default authentication.
/// </summary>
public sealed class AbacoActorMessenger(AbacoClient client, IReadOnlyDictionary<string, string> noncesByActor) : IActorMessenger
{
    /// <inheritdoc />
    public Task<string> SendMessageAsync(string actorId, JsonNode message, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken) =>
        client.SendMessageAsync(actorId, message, environment, noncesByActor.GetValueOrDefault(actorId), cancellationToken);
}
