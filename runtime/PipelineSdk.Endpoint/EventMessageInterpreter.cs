using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using PipelineSdk.Agave;
using PipelineSdk.Identifiers;
using PipelineSdk.Json;
using PipelineSdk.Urls;

namespace PipelineSdk.Endpoint;

/// <summary>
/// Reads one jobs-manager message (URL parameters, body bytes and content type) into the event it asks for, or the
/// precise reason it cannot be used. Pure: no I/O, no clock, no store. The events endpoint and the actor console mode
/// both use it, so a message means the same wherever it arrives.
/// </summary>
/// <remarks>
/// <para>The rules follow the Python jobs-manager with this SDK's fixes:</para>
/// <list type="number">
/// <item>The URL parameters are the base: <c>uuid</c>, <c>event</c> or <c>name</c> (both accepted), <c>token</c>
/// (<c>null</c> means none), <c>status</c> (or <c>state</c>) and <c>note</c>, which becomes the data
/// <c>{"note": …}</c> (default "Event had no JSON payload").</item>
/// <item>An empty body, or a body that is not JSON and does not claim to be, leaves the URL parameters alone. A body
/// declared as JSON (<c>application/json</c>, <c>*+json</c>) must be a JSON object. Abaco's <c>{"message": "…"}</c>
/// wrapping is unwrapped when the text is a JSON object.</item>
/// <item>A job notification (an object with string <c>appId</c> and <c>status</c>, as Aloe and Agave post) keeps uuid
/// and token from the URL; its status overrides the URL's, is upper-cased, and gives the event through
/// <see cref="AgaveStatuses"/> unless the URL names one. RUNNING keeps the body as data minus <c>_links</c>,
/// <c>retries</c> and <c>localId</c>; any other status stores <c>{"status": …}</c>.</item>
/// <item>Any other object is an event body: only <c>uuid</c>, <c>name</c> (or <c>event</c>), <c>data</c> (an object)
/// and <c>token</c>, each overriding the URL's value.</item>
/// <item>Without an event name, a status (from the URL) is mapped as for notifications.</item>
/// </list>
/// </remarks>
public static class EventMessageInterpreter
{
    /// <summary>The data of an event that came with no JSON payload and no <c>note</c> parameter (the original's text).</summary>
    public const string DefaultNote = "Event had no JSON payload";

    private static readonly string[] EventBodyKeys = ["uuid", "name", "event", "data", "token"];
    private static readonly string[] NotificationKeysDropped = ["_links", "retries", "localId"];

    /// <summary>How much of a client's value an error message quotes.</summary>
    private const int ShownLength = 64;

    /// <summary>Interprets one message.</summary>
    /// <param name="query">The URL (query) parameters; names are case-sensitive, as Abaco's environment variables.</param>
    /// <param name="body">The request body, possibly empty.</param>
    /// <param name="contentType">The body's content type header, or null.</param>
    public static EventMessageInterpretation Interpret(IReadOnlyDictionary<string, string?> query, ReadOnlySpan<byte> body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            return EventMessageInterpretation.Valid(Read(query, body, contentType));
        }
        catch (MessageException e)
        {
            return EventMessageInterpretation.Invalid(EndpointError.Validation(e.Message, e.Event));
        }
    }

    private static EventRequest Read(IReadOnlyDictionary<string, string?> query, ReadOnlySpan<byte> body, string? contentType)
    {
        var uuid = Param(query, "uuid");
        var name = EventName(Param(query, "event"), Param(query, "name"), "the URL parameters 'event' and 'name'");
        var token = Param(query, "token");
        var status = Param(query, "status") ?? Param(query, "state");
        var data = new JsonObject { ["note"] = Param(query, "note") ?? DefaultNote };
        var form = EventMessageForm.UrlParameters;

        if (ParseBody(body, contentType) is { } message)
        {
            if (IsJobNotification(message))
            {
                form = EventMessageForm.JobNotification;
                status = ((string)message["status"]!).ToUpperInvariant();
                data = status == "RUNNING" ? WithoutKeys(message, NotificationKeysDropped) : new JsonObject { ["status"] = status };
            }
            else
            {
                form = EventMessageForm.JsonEvent;
                var unexpected = message.Select(p => p.Key).FirstOrDefault(key => !EventBodyKeys.Contains(key, StringComparer.Ordinal));
                if (unexpected is not null)
                {
                    throw new MessageException(
                        $"malformed body: unexpected key '/{Shown(unexpected)}' in the event body; expected only uuid, name (or event), data and token.");
                }

                uuid = Member(message, "uuid") ?? uuid;
                name = EventName(Member(message, "event"), Member(message, "name"), "the body's 'event' and 'name'") ?? name;
                token = Member(message, "token") ?? token;
                if (message.TryGetPropertyValue("data", out var bodyData))
                {
                    data = bodyData switch
                    {
                        null => [],
                        JsonObject obj => (JsonObject)obj.DeepClone(),
                        _ => throw new MessageException("malformed body: '/data' must be a JSON object."),
                    };
                }
            }
        }

        status = status?.ToUpperInvariant();
        name ??= status is null ? null : AgaveStatuses.ToEvent(status).ToWireName();
        RequirePresent(uuid, name);
        if (!JobEvents.TryParse(name, out var jobEvent))
        {
            throw new MessageException($"'{Shown(name)}' is not a PipelineJob event; expected one of: {string.Join(", ", JobEvents.WireNames)}.", Shown(name));
        }

        if (jobEvent == JobEvent.Create)
        {
            throw new MessageException("'create' is sent only by the SDK when it creates a job; it cannot be posted.", name);
        }

        if (!TypedUuid.IsValid(uuid))
        {
            throw new MessageException($"uuid '{Shown(uuid)}' is not a typed uuid.", name);
        }

        return new EventRequest
        {
            // One spelling everywhere: the stores look jobs up and derive tokens by the lower-case canonical text.
            Uuid = TypedUuid.ToCanonical(uuid!),
            Event = jobEvent,
            Data = data,
            Token = token is "null" ? null : token,
            Form = form,
            AgaveStatus = status,
        };
    }

    private static void RequirePresent(string? uuid, string? name)
    {
        var missing = new List<string>();
        if (uuid is null)
        {
            missing.Add("uuid (the 'uuid' URL parameter or the body's 'uuid')");
        }

        if (name is null)
        {
            missing.Add("event (the 'event' or 'name' URL parameter, the body's 'name', or an Agave 'status')");
        }

        if (missing.Count > 0)
        {
            throw new MessageException("No actionable event was received: missing " + string.Join(" and ", missing) + ".");
        }
    }

    /// <summary>
    /// The body as a JSON object, or null when it is empty or is not JSON (and does not claim to be). JSON holding a
    /// value that cannot be stored (an infinite number, a duplicate key, a NUL in a key) is refused whatever the
    /// content type: it is plainly meant as JSON, and dropping it would apply the URL's event without its data.
    /// </summary>
    private static JsonObject? ParseBody(ReadOnlySpan<byte> body, string? contentType)
    {
        if (IsBlank(body))
        {
            return null;
        }

        var declaredJson = IsJsonContentType(contentType);
        var (node, problem) = StrictJson.Read(body);
        if (problem is not null)
        {
            return declaredJson || problem.Kind == StrictJsonProblemKind.Unstorable
                ? throw new MessageException(problem.Describe("malformed body"))
                : null;
        }

        if (node is not JsonObject obj)
        {
            return declaredJson ? throw new MessageException("malformed body: the JSON body must be an object.") : null;
        }

        // Abaco's message field: {"message": "<text>"} carries the message as text, JSON or not.
        if (obj.Count == 1 && obj.TryGetPropertyValue("message", out var wrapped) && wrapped is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return ParseBody(Encoding.UTF8.GetBytes(text), contentType: null);
        }

        return obj;
    }

    private static bool IsJobNotification(JsonObject message) =>
        message["appId"] is JsonValue appId && appId.GetValueKind() == JsonValueKind.String
        && message["status"] is JsonValue status && status.GetValueKind() == JsonValueKind.String;

    private static JsonObject WithoutKeys(JsonObject message, string[] dropped)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in message)
        {
            if (!dropped.Contains(key, StringComparer.Ordinal))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private static string? EventName(string? fromEvent, string? fromName, string where)
    {
        if (fromEvent is not null && fromName is not null && !string.Equals(fromEvent, fromName, StringComparison.OrdinalIgnoreCase))
        {
            throw new MessageException($"{where} disagree ('{Shown(fromEvent)}' and '{Shown(fromName)}'); give one of them.");
        }

        return fromEvent ?? fromName;
    }

    private static string? Member(JsonObject message, string key)
    {
        if (!message.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text)
            ? Empty(text)
            : throw new MessageException($"malformed body: '/{key}' must be a string.");
    }

    private static string? Param(IReadOnlyDictionary<string, string?> query, string name) =>
        query.TryGetValue(name, out var value) ? Empty(value) : null;

    /// <summary>A client's value as an error message quotes it: at most <see cref="ShownLength"/> characters.</summary>
    private static string? Shown(string? value) =>
        value is { Length: > ShownLength } ? $"{value[..ShownLength]}… ({value.Length} characters)" : value;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class MessageException(string message, string? jobEvent = null) : Exception(message)
    {
        public string? Event { get; } = jobEvent;
    }
}
