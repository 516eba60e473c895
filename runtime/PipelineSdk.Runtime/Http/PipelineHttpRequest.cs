namespace PipelineSdk.Http;

/// <summary>Per-request flags the clients set for the handlers in their pipeline.</summary>
internal static class PipelineHttpRequest
{
    /// <summary>
    /// The request must go without a bearer token: it authenticates with a nonce or goes to a host that is not the
    /// configured API server, which must never see the user's token.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("PipelineSdk.Anonymous");

    public static HttpRequestMessage MarkAnonymous(this HttpRequestMessage request, bool anonymous = true)
    {
        request.Options.Set(Anonymous, anonymous);
        return request;
    }

    public static bool IsAnonymous(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous;
}
