namespace PipelineSdk.Http.Tests.Fakes;

/// <summary>A response the fake server gives instead of its normal behaviour, once.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body text.</param>
/// <param name="Delay">How long to wait before answering (the request's abort cancels the wait).</param>
/// <param name="ResetConnection">Abort the connection instead of answering.</param>
/// <param name="Headers">Extra response headers.</param>
public sealed record ScriptedResponse(
    int Status = 200,
    string Body = "",
    TimeSpan Delay = default,
    bool ResetConnection = false,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Fail(int status, string body = "") => new(status, body);

    public static ScriptedResponse Slow(TimeSpan delay) => new(Delay: delay);

    public static ScriptedResponse Reset() => new(ResetConnection: true);

    /// <summary>Pass the request on to the server's normal behaviour (after the delay, if any).</summary>
    public bool PassThrough => Status == 200 && Body.Length == 0 && !ResetConnection && Headers is null;
}
