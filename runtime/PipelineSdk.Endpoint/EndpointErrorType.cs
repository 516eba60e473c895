namespace PipelineSdk.Endpoint;

/// <summary>The kinds of error the events endpoint answers with; <see cref="EndpointError.TypeName"/> gives the wire name.</summary>
public enum EndpointErrorType
{
    /// <summary>400: the body is malformed, or the uuid or event is missing or not valid.</summary>
    Validation,

    /// <summary>401/403: no nonce or bearer token, an unknown one, or a nonce without the EXECUTE level.</summary>
    Unauthorized,

    /// <summary>403: the job token is missing, stale or belongs to another job.</summary>
    InvalidToken,

    /// <summary>403: an admin event came without a valid admin token.</summary>
    AdminTokenRequired,

    /// <summary>404: no job has the uuid.</summary>
    UnknownJob,

    /// <summary>404: the manager id of the route is not this endpoint's.</summary>
    UnknownManager,

    /// <summary>409: the event is not allowed from the job's current state.</summary>
    InvalidTransition,

    /// <summary>409: concurrent changes to the job kept winning; nothing was written and the event may be retried.</summary>
    Conflict,

    /// <summary>413: the body is over the configured limit.</summary>
    PayloadTooLarge,

    /// <summary>413: the event would make the job's record larger than the store can hold; nothing was written.</summary>
    HistoryFull,

    /// <summary>400: the HTTP request itself is malformed (bad chunking, a body shorter than its Content-Length).</summary>
    BadRequest,

    /// <summary>404: no route has this path.</summary>
    NotFound,

    /// <summary>405: the route does not take this method.</summary>
    MethodNotAllowed,

    /// <summary>414: the request target (path and query) is longer than the endpoint accepts.</summary>
    UriTooLong,

    /// <summary>431: the request's headers are larger or more numerous than the endpoint accepts.</summary>
    HeadersTooLarge,

    /// <summary>500: the endpoint failed on this request (a defect); the message says nothing of the cause.</summary>
    InternalError,

    /// <summary>429: the client sent more messages than the rate limit allows in the current window.</summary>
    RateLimited,

    /// <summary>502: forwarding to the indexer actor failed.</summary>
    ForwardFailed,

    /// <summary>503: the job store is unreachable; retry later (if the write may have been applied, the message says so).</summary>
    StoreUnavailable,
}
