using System.Text.Json.Nodes;
using PipelineSdk.Identifiers;
using PipelineSdk.Tokens;

namespace PipelineSdk.Transport;

/// <summary>One event to apply to one job, as a transport carries it.</summary>
/// <param name="JobUuid">The job.</param>
/// <param name="Event">The event.</param>
/// <param name="Data">The event's payload (may be null).</param>
/// <param name="Token">
/// The job's update token, its callback token (client events through the events endpoint) or an admin token; null
/// lets a remote transport rely on the token its URL carries.
/// </param>
public sealed record JobEventRequest(string JobUuid, JobEvent Event, JsonObject? Data, SecretToken? Token);
