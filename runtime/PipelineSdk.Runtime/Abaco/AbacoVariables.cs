using PipelineSdk.Auth;

namespace PipelineSdk.Abaco;

/// <summary>The names of the environment variables Abaco gives an execution.</summary>
public static class AbacoVariables
{
    /// <summary>The actor's id; set in every deployed execution, absent in local runs.</summary>
    public const string ActorId = "_abaco_actor_id";

    /// <summary>The actor's internal database id (<c>TENANT_id</c>).</summary>
    public const string ActorDbId = "_abaco_actor_dbid";

    /// <summary>The execution's id.</summary>
    public const string ExecutionId = "_abaco_execution_id";

    /// <summary>The worker's id.</summary>
    public const string WorkerId = "_abaco_worker_id";

    /// <summary>The actor's name (<c>'None'</c> when unnamed).</summary>
    public const string ActorName = "_abaco_actor_name";

    /// <summary>The actor's image.</summary>
    public const string ContainerRepo = "_abaco_container_repo";

    /// <summary>The actor's state, as Python <c>str()</c> text.</summary>
    public const string ActorState = "_abaco_actor_state";

    /// <summary>The caller (or the nonce owner).</summary>
    public const string Username = "_abaco_username";

    /// <summary>The OAuth token of the actor owner's client, or empty.</summary>
    public const string AccessToken = "_abaco_access_token";

    /// <summary>The base URL of the API server.</summary>
    public const string ApiServer = "_abaco_api_server";

    /// <summary>The JWT header name, when the tenant uses JWT auth.</summary>
    public const string JwtHeaderName = "_abaco_jwt_header_name";

    /// <summary>The actor's revision.</summary>
    public const string ActorRevision = "_abaco_actor_revision";

    /// <summary>The content type as the Abaco server sets it (underscore).</summary>
    public const string ContentType = "_abaco_Content_Type";

    /// <summary>The content type as the Python clients and Abaco's docs spell it (hyphen).</summary>
    public const string ContentTypeHyphen = "_abaco_Content-Type";

    /// <summary>The nonce the message was sent with (it was a query parameter).</summary>
    public const string Nonce = "x-nonce";

    /// <summary>The message text, unless the message is binary.</summary>
    public const string Message = "MSG";

    /// <summary>The session carried along a chain of messages.</summary>
    public const string Session = "x_session";

    /// <summary>A session set by hand or by a deployment.</summary>
    public const string SessionFallback = "SESSION";

    /// <summary>The Python SDK's switch for reactor authors' own local-only branches.</summary>
    public const string LocalOnly = "LOCALONLY";

    /// <summary>Where Abaco mounts the FIFO a binary message arrives through.</summary>
    public const string BinaryMessagePath = "/_abaco_binary_data";
}
