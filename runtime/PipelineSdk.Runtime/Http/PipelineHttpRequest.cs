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
