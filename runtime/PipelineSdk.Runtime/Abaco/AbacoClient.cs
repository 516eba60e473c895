using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSdk.Errors;
using PipelineSdk.Http;

namespace PipelineSdk.Abaco;

/// <summary>
/// Sends messages to Abaco actors (<c>POST {api}/actors/v2/{id}/messages</c>) and posts event bodies to callback
/// URLs, through the HTTP client pipeline's retry policy (<see cref="PipelineRetryHandler"/>). Unlike the Python SDK it throws
/// <see cref="AbacoApiException"/> on final failure instead of returning nothing.
/// </summary>
/// <remarks>
/// <para>Message bodies: a JSON string is sent as <c>{"message": "…"}</c>, as the Python SDK does, so Abaco delivers
/// it as a <c>str</c> message. A JSON object is sent as the body itself, so Abaco delivers it as
/// <c>application/json</c>. Anything Abaco would misread that way (an object with a top-level <c>message</c> key,
/// which Abaco would reduce to that one field; an array; a number; a boolean) is sent as <c>{"message": "&lt;its
/// JSON text&gt;"}</c>, which the receiver parses back as JSON.</para>
/// <para>Message and callback posts are not idempotent: each accepted post starts an actor execution, and Abaco keeps
/// no id to recognise a repeat. So a post is sent again only when Abaco cannot have acted on it (no connection was made,
/// or it answered 429 or 503); after a timeout, a dropped connection or another 5xx the failure is reported, and the
/// caller decides (the Python SDK re-sent it, which could start the actor twice).</para>
/// </remarks>
public sealed class AbacoClient
{
    private readonly PipelineHttpOptions _options;
    private readonly PipelineHttpSender _sender;
    private readonly ILogger<AbacoClient> _logger;

    /// <summary>Creates the client; normally done by <see cref="Microsoft.Extensions.DependencyInjection.PipelineHttpServiceCollectionExtensions.AddPipelineSdkHttp"/>.</summary>
    public AbacoClient(HttpClient http, IOptions<PipelineHttpOptions> options, ILogger<AbacoClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        _sender = new PipelineHttpSender(http, _options);
    }

    /// <summary>
    /// Sends <paramref name="message"/> to an actor and returns the new execution's id (<c>executionId</c> or
    /// <c>execution_id</c> of the response).
    /// </summary>
    /// <param name="actorIdOrAlias">The actor id or alias; percent-encoded as one path segment.</param>
    /// <param name="message">The message; see the remarks of <see cref="AbacoClient"/> for how it is framed.</param>
    /// <param name="queryParameters">Extra query parameters; Abaco turns each into an environment variable of the execution.</param>
    /// <param name="nonce">An <c>x-nonce</c> to authenticate with instead of the bearer token; defaults to <see cref="PipelineHttpOptions.Nonce"/>.</param>
    /// <param name="cancellationToken">Cancels the send, including its back-off waits.</param>
    /// <exception cref="PipelineJobValidationException">An argument is empty or a query parameter is reserved.</exception>
    /// <exception cref="AbacoApiException">Abaco refused the message, never answered, or gave no execution id.</exception>
    /// <exception cref="Auth.TokenExpiredException">The bearer token was rejected and could not be refreshed.</exception>
    public async Task<string> SendMessageAsync(
        string actorIdOrAlias,
        JsonNode message,
        IReadOnlyDictionary<string, string>? queryParameters = null,
        string? nonce = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(actorIdOrAlias))
        {
            throw new PipelineJobValidationException("actorIdOrAlias: the actor id or alias is empty.");
        }

        ArgumentNullException.ThrowIfNull(message);
        nonce ??= _options.Nonce;
        var query = BuildQuery(queryParameters, nonce);
        var uri = ApiUri.Build(ApiUri.RequireServer(_options), ["actors", "v2", actorIdOrAlias, "messages"], query);
        var body = FrameMessage(message);

        var outcome = await _sender.SendAsync(
            NewPost(uri, body).MarkAnonymous(nonce is not null).MarkIdempotent(false),
            cancellationToken).ConfigureAwait(false);
        var what = $"Sending a message to actor '{actorIdOrAlias}' (POST {SecretRedaction.WithoutQuery(uri)})";
        if (!outcome.IsSuccess)
        {
            throw outcome.ToException(what, static (m, s, h, b, e) => new AbacoApiException(m, s, h, b, e), nonce);
        }

        var executionId = ReadExecutionId(outcome.Body)
            ?? throw outcome.ToException(what + " returned no execution id", static (m, s, h, b, e) => new AbacoApiException(m, s, h, b, e), nonce);
        HttpLog.MessageSent(_logger, actorIdOrAlias, executionId, outcome.Attempts);
        return executionId;
    }

    /// <summary>
    /// Posts <paramref name="body"/> to a callback URL (a PipelineJob callback or any Abaco messages URL with its
    /// own <c>x-nonce</c>), framed as <see cref="SendMessageAsync"/> frames messages, with the same retry policy.
    /// The bearer token is only sent when the URL is on the configured API server and carries no nonce, so a
    /// third-party host never sees it.
    /// </summary>
    /// <returns>The execution id when the response carries one (an Abaco URL), else null.</returns>
    /// <exception cref="PipelineJobValidationException">The URL is not an absolute http(s) URL.</exception>
    /// <exception cref="AbacoApiException">The URL's server refused the post or never answered.</exception>
    public async Task<string?> PostToUrlAsync(Uri callbackUrl, JsonNode body, CancellationToken cancellationToken = default) =>
        ReadExecutionId(await PostToUrlForBodyAsync(callbackUrl, body, cancellationToken).ConfigureAwait(false));

    /// <summary>Like <see cref="PostToUrlAsync"/>, returning the whole response body (the events endpoint's answer).</summary>
    internal async Task<string> PostToUrlForBodyAsync(Uri callbackUrl, JsonNode body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        ArgumentNullException.ThrowIfNull(body);
        if (!callbackUrl.IsAbsoluteUri || (callbackUrl.Scheme != Uri.UriSchemeHttp && callbackUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new PipelineJobValidationException("callbackUrl: expected an absolute http or https URL.");
        }

        var framed = FrameMessage(body);
        var anonymous = !IsOnApiServer(callbackUrl) || HasNonce(callbackUrl);
        var outcome = await _sender.SendAsync(NewPost(callbackUrl, framed).MarkAnonymous(anonymous).MarkIdempotent(false), cancellationToken)
            .ConfigureAwait(false);
        var endpoint = SecretRedaction.WithoutQuery(callbackUrl);
        if (!outcome.IsSuccess)
        {
            // The callback URL's query holds a nonce and a job token: mask them if the server echoes them.
            var secrets = SecretRedaction.QueryValues(callbackUrl.Query).Append(_options.Nonce).ToArray();
            throw outcome.ToException($"Posting to callback {endpoint}", static (m, s, h, b, e) => new AbacoApiException(m, s, h, b, e), secrets);
        }

        HttpLog.CallbackPosted(_logger, endpoint, outcome.Attempts);
        return outcome.Body;
    }

    /// <summary>Frames a message body as Abaco expects it; see the remarks of <see cref="AbacoClient"/>.</summary>
    internal static string FrameMessage(JsonNode message)
    {
        var sendAsIs = message is JsonObject obj && !obj.ContainsKey("message");
        if (sendAsIs)
        {
            return message.ToJsonString();
        }

        var text = message is JsonValue value && value.TryGetValue<string>(out var str) ? str : message.ToJsonString();
        return new JsonObject { ["message"] = text }.ToJsonString();
    }

    /// <summary>Reads <c>result.executionId</c> (camel-case deployments) or <c>result.execution_id</c>, or the same at the top level.</summary>
    internal static string? ReadExecutionId(string body)
    {
        try
        {
            var root = JsonNode.Parse(body);
            var result = root?["result"] as JsonObject ?? root as JsonObject;
            var id = result?["executionId"] ?? result?["execution_id"];
            return id is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<KeyValuePair<string, string>> BuildQuery(IReadOnlyDictionary<string, string>? parameters, string? nonce)
    {
        var query = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            if (name is "x-nonce" or "message")
            {
                throw new PipelineJobValidationException(
                    $"queryParameters['{name}']: reserved by Abaco; pass a nonce through the nonce argument and the message as the body.");
            }

            query.Add(new(name, value));
        }

        if (nonce is not null)
        {
            query.Add(new("x-nonce", nonce));
        }

        return query;
    }

    private static HttpRequestMessage NewPost(Uri uri, string json) =>
        new(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private bool IsOnApiServer(Uri url) =>
        _options.ApiServer is { } server && Uri.Compare(server, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool HasNonce(Uri url) => System.Web.HttpUtility.ParseQueryString(url.Query)["x-nonce"] is not null;
}
