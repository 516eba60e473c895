namespace PipelineSdk.Http;

/// <summary>Per-request flags the clients set for the handlers in their pipeline.</summary>
internal static class PipelineHttpRequest
{
    /// <summary>
    /// The request must go without a bearer token: it authenticates with a nonce or goes to a host that is not the
    /// configured API server, which must never see the user's token.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("PipelineSdk.Anonymous");

    /// <summary>
    /// The credentials a handler sent with the request, so that an error built from the response can mask them if the
    /// server echoes one back.
    /// </summary>
    public static readonly HttpRequestOptionsKey<List<string>> SentCredentials = new("PipelineSdk.SentCredentials");

    /// <summary>
    /// Whether the request may be sent again after the server may have acted on it. Unset, the method decides: GET,
    /// HEAD, PUT, DELETE, OPTIONS and TRACE are idempotent, POST and PATCH are not. A POST that carries an id the
    /// receiver de-duplicates on may be marked idempotent.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("PipelineSdk.Idempotent");

    /// <summary>How many times the retry handler sent the request; absent when no SDK retry handler is in the pipeline.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("PipelineSdk.Attempts");

    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request, bool idempotent)
    {
        request.Options.Set(Idempotent, idempotent);
        return request;
    }

    public static bool IsIdempotent(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Idempotent, out var idempotent)
            ? idempotent
            : request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch;

    public static int GetAttempts(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 1;

    public static void RecordSentCredential(this HttpRequestMessage request, string credential)
    {
        if (!request.Options.TryGetValue(SentCredentials, out var sent))
        {
            sent = [];
            request.Options.Set(SentCredentials, sent);
        }

        sent.Add(credential);
    }

    public static IReadOnlyList<string> GetSentCredentials(this HttpRequestMessage request) =>
        request.Options.TryGetValue(SentCredentials, out var sent) ? sent : [];

    public static HttpRequestMessage MarkAnonymous(this HttpRequestMessage request, bool anonymous = true)
    {
        request.Options.Set(Anonymous, anonymous);
        return request;
    }

    public static bool IsAnonymous(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous;
}
