using System.Text.Json.Nodes;

namespace PipelineSdk.Endpoint;

/// <summary>
/// An event to apply to a job, as read from a jobs-manager message by <see cref="EventMessageInterpreter"/>.
/// <see cref="ToString"/> leaves the token out.
/// </summary>
public sealed record EventRequest
{
    /// <summary>The job's uuid.</summary>
    public required string Uuid { get; init; }

    /// <summary>The event.</summary>
    public required JobEvent Event { get; init; }

    /// <summary>The payload stored in the history entry.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>The token text as it arrived (update, callback or admin token), or null when none was given.</summary>
    public string? Token { get; init; }

    /// <summary>The message form it arrived in.</summary>
    public required EventMessageForm Form { get; init; }

    /// <summary>The Agave/Aloe job status (upper case) the event was mapped from, when there was one.</summary>
    public string? AgaveStatus { get; init; }

    /// <summary>Describes the request without its token.</summary>
    public override string ToString() =>
        $"EventRequest {{ Uuid = {Uuid}, Event = {Event.ToWireName()}, Form = {Form}, AgaveStatus = {AgaveStatus ?? "none"} }}";
}
