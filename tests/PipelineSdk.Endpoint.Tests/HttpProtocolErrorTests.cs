using System.Text.Json.Nodes;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>
/// D11: what the HTTP layer answers by itself. Raw requests over a loopback socket (malformed chunking, short bodies,
/// unknown paths, wrong methods, over-long targets and headers) each get the endpoint's JSON error body, and the log
/// holds no stack trace and nothing above Information for them.
/// </summary>
public sealed class HttpProtocolErrorTests
{
    private static string Messages(string query = "") => $"/actors/v2/{EndpointServer.ManagerId}/messages?x-nonce={EndpointServer.Nonce}{query}";

    public static TheoryData<string, string, int, string> Requests()
    {
        var data = new TheoryData<string, string, int, string>
        {
            // D11: bad chunk size.
            { "bad chunk size", $"POST {Messages()} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n", 400, "bad_request" },
            // D11: 404 and 405 answered by routing.
            { "unknown path", "GET /no/such/path HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, "not_found" },
            { "wrong method", $"GET {Messages()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "method_not_allowed" },
            { "put", $"PUT {Messages()} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405, "method_not_allowed" },
            // D11: 414 and 431, which Kestrel answered with empty bodies.
            { "long target", $"POST {Messages("&pad=" + new string('a', 20_000))} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 414, "uri_too_long" },
            { "large headers", $"POST {Messages()} HTTP/1.1\r\nHost: x\r\nX-Pad: {new string('b', 40_000)}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 431, "headers_too_large" },
            { "many headers", $"POST {Messages()} HTTP/1.1\r\nHost: x\r\n{string.Concat(Enumerable.Range(0, 150).Select(i => $"X-H{i}: v\r\n"))}Content-Length: 0\r\nConnection: close\r\n\r\n", 431, "headers_too_large" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task D11_the_http_layers_own_errors_have_the_json_error_body_and_log_no_stack_trace(string name, string request, int status, string type)
    {
        using var store = await TestJobs.EmbeddedAsync();
        await using var server = await EndpointServer.StartAsync(store);

        var (answeredStatus, body) = await RawHttp.SendAsync(server.BaseUri, request);

        Assert.True(answeredStatus == status, $"{name}: {answeredStatus} {body}");
        var error = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("error", (string?)error["status"]);
        Assert.Equal(type, (string?)error["error"]!["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        RawHttp.AssertQuietLog(server);
    }

    // D11: a body that ends early (the client half-closes inside a chunk, or before its Content-Length): nobody may
    // be left to answer, but whatever is answered is the JSON 400, and the log stays quiet.
    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\n\r\n10\r\n{\"a\":")]
    [InlineData("Content-Length: 100\r\nContent-Type: application/json\r\n\r\n{\"a\":1}")]
    public async Task D11_a_body_cut_short_is_answered_with_json_or_not_at_all_and_logs_no_stack_trace(string rest)
    {
        using var store = await TestJobs.EmbeddedAsync();
        await using var server = await EndpointServer.StartAsync(store);

        var (status, body) = await RawHttp.SendAsync(server.BaseUri, $"POST {Messages()} HTTP/1.1\r\nHost: x\r\n{rest}", halfClose: true);

        if (status != 0)
        {
            Assert.Equal(400, status);
            Assert.Equal("bad_request", (string?)JsonNode.Parse(body)!["error"]!["type"]);
        }

        // The handler has finished once the request is logged.
        await WaitForAsync(() => server.Logs.Lines.Any(line => line.Contains("/messages from", StringComparison.Ordinal)));
        RawHttp.AssertQuietLog(server);
    }

    // D11: a Content-Length shorter than the body: the request is answered with the endpoint's JSON, and the
    // leftover bytes, which Kestrel reads as a malformed next request, get Kestrel's own 400 (it answers requests it
    // cannot parse before any application code runs; see docs/reliability.md) without a stack trace in the log.
    [Fact]
    public async Task D11_a_short_content_length_is_answered_with_json_and_the_leftover_logs_no_stack_trace()
    {
        using var store = await TestJobs.EmbeddedAsync();
        await using var server = await EndpointServer.StartAsync(store);

        var (status, body) = await RawHttp.SendAsync(server.BaseUri, $"POST {Messages()} HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nContent-Type: application/json\r\n\r\n{{\"a\":1}}\r\n\r\n");

        Assert.Equal(400, status);
        Assert.Equal("validation", (string?)JsonNode.Parse(body)!["error"]!["type"]);
        RawHttp.AssertQuietLog(server);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
