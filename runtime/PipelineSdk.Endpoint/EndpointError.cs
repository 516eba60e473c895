using System.Text;
using PipelineSdk.Errors;

namespace PipelineSdk.Endpoint;

/// <summary>
/// An error the events endpoint answers with: its kind, HTTP status and a message saying what was wrong (never a
/// token, nonce or secret). For refused transitions it names the job's state and the event.
/// </summary>
/// <param name="Type">The kind of error.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Message">What was wrong and where.</param>
/// <param name="State">The job's state, for <see cref="EndpointErrorType.InvalidTransition"/>.</param>
/// <param name="Event">The event, when one was read.</param>
public sealed record EndpointError(EndpointErrorType Type, int StatusCode, string Message, string? State = null, string? Event = null)
{
    /// <summary>The wire name of <see cref="Type"/>: <c>invalid_transition</c>, <c>unknown_job</c>, …</summary>
    public string TypeName => SnakeCase(Type.ToString());

    /// <summary>A 400 for a malformed or incomplete message.</summary>
    public static EndpointError Validation(string message, string? jobEvent = null) =>
        new(EndpointErrorType.Validation, 400, message, Event: jobEvent);

    /// <summary>The error for a refusal of the store (or the state machine), with the status it deserves.</summary>
    public static EndpointError FromException(PipelineJobException exception, string? jobEvent = null) => exception switch
    {
        InvalidTransitionException e => new(EndpointErrorType.InvalidTransition, 409, e.Message, e.State.ToWireName(), e.Event.ToWireName()),
        AdminTokenRequiredException e => new(EndpointErrorType.AdminTokenRequired, 403, e.Message, Event: jobEvent),
        InvalidTokenException e => new(EndpointErrorType.InvalidToken, 403, e.Message, Event: jobEvent),
        UnknownJobException e => new(EndpointErrorType.UnknownJob, 404, e.Message, Event: jobEvent),
        JobHistoryFullException e => new(EndpointErrorType.HistoryFull, 413, e.Message, Event: jobEvent),
        PipelineJobValidationException or UnknownEventException or Reactors.ReactorEnvironmentException => Validation(exception.Message, jobEvent),
        PipelineStoreUnavailableException => new(EndpointErrorType.StoreUnavailable, 503, exception.Message, Event: jobEvent),
        _ => new(EndpointErrorType.Conflict, 409, exception.Message, Event: jobEvent),
    };

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
