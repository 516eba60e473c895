using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Auth;
using PipelineSdk.Configuration;
using PipelineSdk.Logging;

namespace PipelineSdk.Reactors;

/// <summary>
/// The environment of one reactor execution on Abaco (the C# counterpart of the Python <c>Reactor</c>): typed
/// Abaco variables, the decoded message, the session and a logger that redacts secrets. Immutable; built by
/// <see cref="FromEnvironment"/>, which only reads the environment. Without <c>_abaco_actor_id</c> the context is
/// local (<see cref="IsLocal"/>) and gets generated Abaco-style ids, as the original's mock context does.
/// </summary>
public sealed class ReactorContext
{
    private readonly JsonNode? _message;
    private readonly JsonNode? _actorState;
    private readonly byte[]? _binaryMessage;
    private readonly ILoggerFactory _loggerFactory;

    private ReactorContext(IReadOnlyDictionary<string, string> variables, ReactorContextOptions options)
    {
        Variables = variables;
        Created = options.Time.GetUtcNow();
        IsLocal = string.IsNullOrEmpty(Get(AbacoVariables.ActorId));
        LocalOnly = ReadLocalOnly();

        ActorId = Get(AbacoVariables.ActorId) ?? NewLocalId(options);
        ActorDbId = Get(AbacoVariables.ActorDbId) ?? NewLocalId(options);
        ExecutionId = Get(AbacoVariables.ExecutionId) ?? NewLocalId(options);
        WorkerId = Get(AbacoVariables.WorkerId) ?? NewLocalId(options);
        ContainerRepo = Get(AbacoVariables.ContainerRepo) ?? NewLocalId(options);
        ActorName = Get(AbacoVariables.ActorName) ?? NewLocalId(options);
        Username = Get(AbacoVariables.Username) ?? (IsLocal ? Get("USER") ?? "reactor" : "none");
        ApiServer = ReadApiServer();
        JwtHeaderName = Get(AbacoVariables.JwtHeaderName);
        ActorRevision = Get(AbacoVariables.ActorRevision);
        AccessToken = Get(AbacoVariables.AccessToken) is { } token ? new Auth.AccessToken(token) : null;
        Nonce = Get(AbacoVariables.Nonce) is { } nonce ? new AbacoNonce(nonce) : null;

        RawContentType = Get(AbacoVariables.ContentType) ?? Get(AbacoVariables.ContentTypeHyphen) ?? (IsLocal ? "application/json" : null);
        ContentType = ParseContentType(RawContentType);
        RawMessage = Get(AbacoVariables.Message);
        _message = ContentType == MessageContentType.Binary ? null : MessageDecoder.Decode(AbacoVariables.Message, RawMessage, ContentType);
        _binaryMessage = BinaryMessageReader.ReadIfPresent(options.BinaryMessagePath);
        RawActorState = Get(AbacoVariables.ActorState);
        _actorState = MessageDecoder.Decode(AbacoVariables.ActorState, RawActorState, MessageContentType.Unknown) ?? new JsonObject();

        Nickname = options.NicknameGenerator();
        Session = Get(AbacoVariables.Session) ?? Get(AbacoVariables.SessionFallback) ?? Nickname;
        Provenance = variables
            .Where(pair => pair.Key.StartsWith("x_src_", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

        Redactor = new SecretRedactor(RedactionValues(variables).Concat(options.Secrets));
        _loggerFactory = new RedactingLoggerFactory(options.LoggerFactory ?? NullLoggerFactory.Instance, Redactor);
        Logger = CreateLogger("PipelineSdk.Reactor");
    }

    /// <summary>Every variable of the environment the context was built from (case-sensitive names).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>When the context was built (UTC).</summary>
    public DateTimeOffset Created { get; }

    /// <summary>True when <c>_abaco_actor_id</c> is unset or empty: a local run with generated ids.</summary>
    public bool IsLocal { get; }

    /// <summary>The <c>LOCALONLY</c> switch (Python boolean table), which reactor authors use for their own branches.</summary>
    public bool LocalOnly { get; }

    /// <summary>The actor's id (<c>_abaco_actor_id</c>; generated when local).</summary>
    public string ActorId { get; }

    /// <summary>The actor's database id (<c>_abaco_actor_dbid</c>; generated when local).</summary>
    public string ActorDbId { get; }

    /// <summary>The execution's id (<c>_abaco_execution_id</c>; generated when local).</summary>
    public string ExecutionId { get; }

    /// <summary>The worker's id (<c>_abaco_worker_id</c>; generated when absent and local); empty when deployed on a stack that does not set it.</summary>
    public string WorkerId { get; }

    /// <summary>The actor's image (<c>_abaco_container_repo</c>; generated when absent and local); empty when deployed on a stack that does not set it.</summary>
    public string ContainerRepo { get; }

    /// <summary>The actor's name (<c>_abaco_actor_name</c>; generated when absent and local); empty when deployed on a stack that does not set it.</summary>
    public string ActorName { get; }

    /// <summary>The caller (<c>_abaco_username</c>); locally <c>USER</c> or <c>reactor</c>; <c>none</c> when deployed without one.</summary>
    public string Username { get; }

    /// <summary>The API server (<c>_abaco_api_server</c>), if given.</summary>
    public Uri? ApiServer { get; }

    /// <summary>The JWT header name (<c>_abaco_jwt_header_name</c>), if given.</summary>
    public string? JwtHeaderName { get; }

    /// <summary>The actor's revision (<c>_abaco_actor_revision</c>), if given.</summary>
    public string? ActorRevision { get; }

    /// <summary>The execution's bearer token (<c>_abaco_access_token</c>); null when Abaco gave none.</summary>
    public Auth.AccessToken? AccessToken { get; }

    /// <summary>The nonce the message came with (<c>x-nonce</c>), if any.</summary>
    public AbacoNonce? Nonce { get; }

    /// <summary>The content type as given (<c>_abaco_Content_Type</c>, else <c>_abaco_Content-Type</c>; locally <c>application/json</c>).</summary>
    public string? RawContentType { get; }

    /// <summary>The message's content type.</summary>
    public MessageContentType ContentType { get; }

    /// <summary>The message text exactly as <c>MSG</c> holds it.</summary>
    public string? RawMessage { get; }

    /// <summary>
    /// The message decoded from <c>MSG</c> (JSON, the Python-literal dict text Abaco delivers, or plain text as a JSON
    /// string); null when there is none. A fresh copy each time, so the context stays immutable.
    /// </summary>
    public JsonNode? Message => _message?.DeepClone();

    /// <summary>
    /// The message as the record generated from its schema (kind <c>Message</c>), read without reflection:
    /// <c>var job = context.ReadMessage&lt;AbacoMessage&gt;();</c>. Nothing is executed on an invalid message.
    /// </summary>
    /// <typeparam name="TMessage">The generated message record.</typeparam>
    /// <returns>The message.</returns>
    /// <exception cref="Errors.PipelineJobValidationException">
    /// The message does not match its schema (or there is none); every violation is listed with its JSON pointer.
    /// </exception>
    public TMessage ReadMessage<TMessage>() where TMessage : IReactorMessage<TMessage> => TMessage.FromJson(_message);

    /// <summary>The binary message read from the FIFO, if one was present.</summary>
    public ReadOnlyMemory<byte>? BinaryMessage => _binaryMessage is null ? (ReadOnlyMemory<byte>?)null : _binaryMessage;

    /// <summary>The actor's state as given (<c>_abaco_actor_state</c>).</summary>
    public string? RawActorState { get; }

    /// <summary>The actor's state decoded like the message (an empty object when absent). A fresh copy each time.</summary>
    public JsonNode? ActorState => _actorState?.DeepClone();

    /// <summary>A fresh adjective-animal name for this execution.</summary>
    public string Nickname { get; }

    /// <summary>The session: <c>x_session</c>, else <c>SESSION</c>, else <see cref="Nickname"/>.</summary>
    public string Session { get; }

    /// <summary>The <c>x_src_*</c> provenance parameters the sender added.</summary>
    public IReadOnlyDictionary<string, string> Provenance { get; }

    /// <summary>
    /// Redacts every <c>_REACTOR*</c> value, the access token, the nonce, <c>TAPIS_CLI_REGISTRY_PASSWORD</c> and the
    /// secrets of <see cref="ReactorContextOptions.Secrets"/> (those longer than 4 characters).
    /// </summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The reactor's logger; it redacts with <see cref="Redactor"/>.</summary>
    public ILogger Logger { get; }

    /// <summary>
    /// Builds the context from <paramref name="environment"/>, or from a snapshot of the process environment when
    /// null. Nothing is written back to the process environment.
    /// </summary>
    /// <exception cref="ReactorEnvironmentException">A variable has an unusable value (for example a malformed <c>MSG</c>).</exception>
    public static ReactorContext FromEnvironment(IReadOnlyDictionary<string, string>? environment = null, ReactorContextOptions? options = null)
    {
        var variables = new Dictionary<string, string>(environment ?? ProcessEnvironment.Snapshot(), StringComparer.Ordinal);
        return new ReactorContext(variables, options ?? new ReactorContextOptions());
    }

    /// <summary>A logger of <paramref name="categoryName"/> that redacts with <see cref="Redactor"/>.</summary>
    public ILogger CreateLogger(string categoryName) => _loggerFactory.CreateLogger(categoryName);

    /// <summary>Logs <paramref name="message"/> at Information and returns the exit code 0.</summary>
    public int OnSuccess(string message = "Success")
    {
        Logger.LogInformation("{Reason}", message);
        return 0;
    }

    /// <summary>Logs <paramref name="message"/> and the exception at Critical and returns the exit code 1.</summary>
    public int OnFailure(string message = "Failure", Exception? exception = null)
    {
        if (exception is null)
        {
            Logger.LogCritical("{Reason}", message);
        }
        else
        {
            Logger.LogCritical(exception, "{Reason} : {Error}", message, exception.Message);
        }

        return 1;
    }

    /// <summary>
    /// The parameters to send with a message: <paramref name="environment"/> plus the provenance tags and the session
    /// (see <see cref="MessageProvenance.Build"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> MessageEnvironment(IReadOnlyDictionary<string, string>? environment = null, bool includeSenderTags = true) =>
        MessageProvenance.Build(Variables, Session, environment, includeSenderTags);

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="actorId"/> (<c>me</c> or <c>self</c> mean this actor) with
    /// the provenance parameters, through <paramref name="messenger"/>; returns the execution id.
    /// </summary>
    public Task<string> SendMessageAsync(
        IActorMessenger messenger,
        string actorId,
        JsonNode message,
        IReadOnlyDictionary<string, string>? environment = null,
        bool includeSenderTags = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        ArgumentNullException.ThrowIfNull(message);
        var target = actorId.Equals("me", StringComparison.OrdinalIgnoreCase) || actorId.Equals("self", StringComparison.OrdinalIgnoreCase)
            ? ActorId
            : actorId;
        return messenger.SendMessageAsync(target, message, MessageEnvironment(environment, includeSenderTags), cancellationToken);
    }

    private string? Get(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private string NewLocalId(ReactorContextOptions options) =>
        IsLocal ? MockAbacoIds.NewId(options.Time) : "";

    private bool ReadLocalOnly()
    {
        if (!Variables.TryGetValue(AbacoVariables.LocalOnly, out var text))
        {
            return false;
        }

        return ConfigValueParser.TryParseBoolean(text, out var value)
            ? value
            : throw new ReactorEnvironmentException(AbacoVariables.LocalOnly, $"{AbacoVariables.LocalOnly} is not a boolean: '{text}' (use 1/0, true/false, yes/no, on/off)");
    }

    private Uri? ReadApiServer()
    {
        var text = Get(AbacoVariables.ApiServer);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ReactorEnvironmentException(AbacoVariables.ApiServer, $"{AbacoVariables.ApiServer} is not an http(s) URL: '{text}'");
    }

    private static MessageContentType ParseContentType(string? text) => text switch
    {
        "str" => MessageContentType.Str,
        "application/json" => MessageContentType.Json,
        "application/octet-stream" => MessageContentType.Binary,
        _ => MessageContentType.Unknown,
    };

    private static IEnumerable<string> RedactionValues(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith("_REACTOR", StringComparison.Ordinal)
                || name is AbacoVariables.AccessToken or AbacoVariables.Nonce or "TAPIS_CLI_REGISTRY_PASSWORD")
            {
                yield return value;
            }
        }
    }
}
