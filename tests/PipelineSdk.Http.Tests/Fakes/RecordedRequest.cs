namespace PipelineSdk.Http.Tests.Fakes;

/// <summary>What the fake server received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent (path and query, still percent-encoded).</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="Body">The body text.</param>
/// <param name="ContentType">The Content-Type header, or null.</param>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, string? ContentType)
{
    public string Path => RawTarget.Split('?')[0];

    public string Query => RawTarget.Contains('?') ? RawTarget[(RawTarget.IndexOf('?') + 1)..] : string.Empty;
}
