using System.Diagnostics.CodeAnalysis;

namespace PipelineSdk.Endpoint;

/// <summary>What <see cref="EventMessageInterpreter"/> made of a message: an event to apply, or the error to answer with.</summary>
public sealed class EventMessageInterpretation
{
    private EventMessageInterpretation(EventRequest? request, EndpointError? error)
    {
        Request = request;
        Error = error;
    }

    /// <summary>The event, when the message was usable.</summary>
    public EventRequest? Request { get; }

    /// <summary>The error, when it was not.</summary>
    public EndpointError? Error { get; }

    /// <summary>True when <see cref="Request"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Request is not null;

    /// <summary>A usable message.</summary>
    public static EventMessageInterpretation Valid(EventRequest request) => new(request, null);

    /// <summary>An unusable message.</summary>
    public static EventMessageInterpretation Invalid(EndpointError error) => new(null, error);
}
