using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using PipelineSdk.Abaco;
using PipelineSdk.Errors;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;
using PipelineSdk.Http;

namespace PipelineSdk.Http.Tests;

public sealed class AbacoClientTests
{
    private const string StaticToken = "static-token-0123456789";

    [Fact]
    public async Task SendMessage_PostsToTheMessagesEndpointWithTheBearerToken_AndReturnsTheCamelCaseExecutionId()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.ValidAccessToken = StaticToken;

        var executionId = await host.Abaco.SendMessageAsync("jobs-manager-actor", new JsonObject { ["uuid"] = "1073f4ff", ["name"] = "run" });

        Assert.Equal("exec-1", executionId);
        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/actors/v2/jobs-manager-actor/messages", request.RawTarget);
        Assert.Equal("Bearer " + StaticToken, request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("""{"uuid":"1073f4ff","name":"run"}""", request.Body);
    }

    [Fact]
    public async Task SendMessage_ReadsTheSnakeCaseExecutionId()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.SnakeCase = true;

        Assert.Equal("exec-1", await host.Abaco.SendMessageAsync("actor", JsonValue.Create("hello")!));
    }

    [Theory]
    [InlineData("\"hello world\"", """{"message":"hello world"}""")] // a string: framed as the Python SDK frames it
    [InlineData("""{"a":1,"b":[true,null]}""", """{"a":1,"b":[true,null]}""")] // an object: the JSON body itself
    [InlineData("""{"message":"x","n":2}""", """{"message":"{\u0022message\u0022:\u0022x\u0022,\u0022n\u0022:2}"}""")] // Abaco would keep only "message"
    [InlineData("[1,2]", """{"message":"[1,2]"}""")]
    [InlineData("42", """{"message":"42"}""")]
    public async Task SendMessage_FramesTheBodySoAbacoDeliversTheWholeMessage(string message, string expectedBody)
    {
        await using var host = await HttpTestHost.StartAsync();

        await host.Abaco.SendMessageAsync("actor", JsonNode.Parse(message)!);

        Assert.Equal(expectedBody, Assert.Single(host.Server.Requests).Body);
    }

    [Fact]
    public async Task SendMessage_EncodesTheActorIdAsOneSegment_AndTheQueryParameters()
    {
        await using var host = await HttpTestHost.StartAsync();

        await host.Abaco.SendMessageAsync(
            "odd/../id ?x", JsonValue.Create("m")!, new Dictionary<string, string> { ["x_session"] = "a b&c=d", ["EVENT"] = "run" });

        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("/actors/v2/odd%2F..%2Fid%20%3Fx/messages", request.Path);
        Assert.Equal("x_session=a%20b%26c%3Dd&EVENT=run", request.Query);
    }

    [Fact]
    public async Task SendMessage_WithANonce_AuthenticatesByQueryAndSendsNoBearerToken()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.ValidAccessToken = "some-other-token";
        host.Server.ValidNonce = "TACC-PROD_2lXkEg8gpQ1Mk";

        var executionId = await host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!, nonce: "TACC-PROD_2lXkEg8gpQ1Mk");

        Assert.Equal("exec-1", executionId);
        var request = Assert.Single(host.Server.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal("x-nonce=TACC-PROD_2lXkEg8gpQ1Mk", request.Query);
    }

    [Theory]
    [InlineData("x-nonce")]
    [InlineData("message")]
    public async Task SendMessage_RefusesReservedQueryParameters(string name)
    {
        await using var host = await HttpTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!, new Dictionary<string, string> { [name] = "v" }));

        Assert.Contains($"queryParameters['{name}']", error.Message);
        Assert.Empty(host.Server.Requests);
    }

    // Abaco starts an execution for every message it accepts and keeps no id to recognise a repeat: a message that may
    // have reached it is never sent twice.
    public static TheoryData<string> MayHaveArrived => ["timeout", "500", "502", "504", "reset"];

    [Theory]
    [MemberData(nameof(MayHaveArrived))]
    public async Task SendMessage_IsNotSentAgain_WhenAbacoMayHaveActedOnIt(string failure)
    {
        await using var host = await HttpTestHost.StartAsync(o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        host.Server.Script(failure switch
        {
            "timeout" => ScriptedResponse.Slow(TimeSpan.FromSeconds(30)),
            "reset" => ScriptedResponse.Reset(),
            var status => ScriptedResponse.Fail(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
        });

        var error = await Assert.ThrowsAsync<AbacoApiException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Single(host.Server.Requests);
        Assert.Empty(host.Time.RequestedDelays);
        Assert.Contains("after 1 attempt(s)", error.Message);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("not re-sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostToUrl_IsNotSentAgainAfterA500()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(ScriptedResponse.Fail(500));

        await Assert.ThrowsAsync<AbacoApiException>(() =>
            host.Abaco.PostToUrlAsync(new Uri(host.Server.BaseUri, "actors/v2/manager/messages?x-nonce=n-0123456789"), JsonValue.Create("m")!));

        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task SendMessage_IsSentAgainWhenNoConnectionWasMade()
    {
        // Every connection is refused, so Abaco never saw the message.
        await using var host = await HttpTestHost.StartAsync(o =>
        {
            o.ApiServer = ClosedPort.Find();
            o.MaxAttempts = 3;
        });

        var error = await Assert.ThrowsAsync<AbacoApiException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Contains("transport error (ConnectionError) after 3 attempt(s)", error.Message);
        Assert.Equal(2, host.Time.RequestedDelays.Count);
    }

    [Fact]
    public async Task SendMessage_On429_WaitsForRetryAfter()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(new ScriptedResponse(429, """{"message":"slow down"}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var executionId = await host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!);

        Assert.Equal("exec-1", executionId);
        Assert.Equal(2, host.Server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], host.Time.RequestedDelays);
    }

    [Fact]
    public async Task SendMessage_StopsAfterSixAttempts_AndTheErrorCarriesStatusHeadersAndBody()
    {
        await using var host = await HttpTestHost.StartAsync();
        const string body = """{"status":"error","message":"Abaco is down for maintenance","version":"1.9"}""";
        host.Server.Script(Enumerable.Repeat(new ScriptedResponse(503, body, Headers: new Dictionary<string, string> { ["X-Abaco"] = "m1" }), 10).ToArray());

        var error = await Assert.ThrowsAsync<AbacoApiException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Equal(6, host.Server.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        Assert.Equal(["m1"], error.Headers["X-Abaco"]);
        Assert.Contains("503", error.Message);
        Assert.Contains("after 6 attempt(s)", error.Message);
        Assert.Contains("Abaco is down for maintenance", error.Message);
        Assert.IsAssignableFrom<PipelineApiException>(error);
        Assert.IsAssignableFrom<PipelineJobException>(error);
    }

    [Theory]
    [InlineData(400, "message POST body could not be serialized. Pass JSON data or use the message attribute.")]
    [InlineData(404, "Actor does not exist.")]
    [InlineData(403, "Not authorized.")]
    public async Task SendMessage_DoesNotRetryClientErrors(int status, string serverMessage)
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(ScriptedResponse.Fail(status, $$"""{"status":"error","message":"{{serverMessage}}"}"""));

        var error = await Assert.ThrowsAsync<AbacoApiException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Single(host.Server.Requests);
        Assert.Empty(host.Time.RequestedDelays);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains(serverMessage, error.Message);
        Assert.Contains("after 1 attempt(s)", error.Message);
    }

    [Fact]
    public async Task SendMessage_HonoursCancellationAtOnce_WithoutRetrying()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(ScriptedResponse.Slow(TimeSpan.FromSeconds(10)));
        using var cancellation = new CancellationTokenSource();
        var send = host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!, cancellationToken: cancellation.Token);
        await WhenServerHasSeenARequestAsync(host);
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {clock.Elapsed}");
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task SendMessage_HonoursCancellationDuringTheBackOff()
    {
        // Unscaled 1000 s back-off (1 s under the test clock) against a 200 ms cancellation.
        await using var host = await HttpTestHost.StartAsync(o =>
        {
            o.InitialRetryDelay = TimeSpan.FromSeconds(1000);
            o.MaxRetryDelay = TimeSpan.FromSeconds(1000);
        });
        host.Server.Script(ScriptedResponse.Fail(503));
        using var cancellation = new CancellationTokenSource();
        var send = host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!, cancellationToken: cancellation.Token);
        await WhenServerHasSeenARequestAsync(host);
        // Let the 503 reach the client so it is waiting out its back-off, then cancel.
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);

        Assert.Single(host.Server.Requests);
    }

    // Cancelling on a timer raced the first request on a loaded machine; cancel only once the server has it.
    private static async Task WhenServerHasSeenARequestAsync(HttpTestHost host)
    {
        var deadline = Stopwatch.StartNew();
        while (host.Server.Requests.Count == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the fake server never received the request");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task SendMessage_AnAcceptedResponseWithoutExecutionId_IsAnError()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(new ScriptedResponse(200, """{"status":"success","result":{}}"""));

        var error = await Assert.ThrowsAsync<AbacoApiException>(() => host.Abaco.SendMessageAsync("actor", JsonValue.Create("m")!));

        Assert.Contains("no execution id", error.Message);
        Assert.Single(host.Server.Requests); // the message was accepted: sending it again could start a second execution
    }

    [Fact]
    public async Task PostToUrl_PostsToTheCallbackUrlWithItsOwnQuery_AndNoBearerToken()
    {
        await using var host = await HttpTestHost.StartAsync();
        var callback = new Uri(host.Server.BaseUri, "/actors/v2/manager/messages?x-nonce=TACC_abc123&token=0dc73dc3ff39b49a&uuid=1073f4ff");

        var executionId = await host.Abaco.PostToUrlAsync(callback, new JsonObject { ["name"] = "finish" });

        Assert.Equal("exec-1", executionId);
        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("/actors/v2/manager/messages?x-nonce=TACC_abc123&token=0dc73dc3ff39b49a&uuid=1073f4ff", request.RawTarget);
        Assert.Null(request.Authorization);
        Assert.Equal("""{"name":"finish"}""", request.Body);
    }

    [Fact]
    public async Task PostToUrl_SendsTheBearerTokenOnlyToTheApiServer()
    {
        await using var host = await HttpTestHost.StartAsync();
        var onServer = new Uri(host.Server.BaseUri, "/actors/v2/manager/messages");
        var elsewhere = new UriBuilder(onServer) { Host = "localhost" }.Uri; // same listener, another origin

        await host.Abaco.PostToUrlAsync(onServer, new JsonObject { ["name"] = "run" });
        await host.Abaco.PostToUrlAsync(elsewhere, new JsonObject { ["name"] = "run" });

        Assert.Equal(["Bearer " + StaticToken, null], host.Server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task PostToUrl_FailureMessageNamesTheEndpointButNotItsQuery()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(ScriptedResponse.Fail(400, """{"status":"error","message":"Nonce TACC_abc123 does not exist."}"""));
        var callback = new Uri(host.Server.BaseUri, "/actors/v2/manager/messages?x-nonce=TACC_abc123&token=0dc73dc3ff39b49a");

        var error = await Assert.ThrowsAsync<AbacoApiException>(() => host.Abaco.PostToUrlAsync(callback, new JsonObject()));

        Assert.Contains("/actors/v2/manager/messages", error.Message);
        Assert.Contains("Nonce ***** does not exist.", error.Message);
        Assert.DoesNotContain("TACC_abc123", error.Message);
        Assert.DoesNotContain("0dc73dc3ff39b49a", error.Message);
    }
}
