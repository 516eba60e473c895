using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PipelineSdk.Endpoint.Tests;
using PipelineSdk.Jobs;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;
using Xunit.Abstractions;

namespace PipelineSdk.Reliability.Tests.BadInput;

/// <summary>
/// The general rules behind findings D2, D5, D10, D11, D15 and D17, over generated raw HTTP requests to a loopback
/// listener on both stores: random methods, paths, query values, headers, bodies (hostile JSON among them) and
/// framings (exact length, random chunking, bad chunk sizes, bodies cut short). Every answer has a documented status
/// and the endpoint's JSON body; the log holds no stack trace and nothing above Information; the job is written only
/// on a 200 and can always be read back.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class HttpFuzzTests(CongoServerFixture server, ITestOutputHelper output) : SecretCheckedTest
{
    private static readonly HashSet<int> Documented = [200, 400, 401, 403, 404, 405, 409, 413, 414, 429, 431];
    private static readonly string[] Methods = ["POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "FROB"];
    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/vnd.api+json", ""];
    private static readonly string[] HostileValues = ["1e999", "-1e999", "1e400", "1E+309", "-0.0", "1e-999", "123456789012345678901234567890", "\"\\u0000\"", "\"\\udc00\"", "{\"k\\u0000\":1}", "{\"a\":1,\"a\":2}", "[]", "null"];
    private readonly TestStores _stores = new(server);

    [Theory]
    [InlineData(StoreKind.Embedded, 500)]
    [InlineData(StoreKind.Mongo, 300)]
    public async Task Random_http_requests_get_a_documented_json_answer_log_no_stack_trace_and_keep_the_job_readable(StoreKind kind, int cases)
    {
        var store = await _stores.OpenAsync(kind);
        await using var endpoint = await EndpointServer.StartAsync(store, events =>
        {
            events.RateLimitPermits = 0;
            events.MaxBodyBytes = 16 * 1024;
        });
        var job = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["http-fuzz"] = kind.ToString() })));
        var deleted = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["http-fuzz-deleted"] = kind.ToString() })));
        await store.DeleteAsync(deleted.Uuid, _stores.AdminToken(), JobDeletion.Soft);
        var statuses = new SortedDictionary<int, int>();
        var kestrelRejected = 0;
        var name = $"{nameof(HttpFuzzTests)}.{kind}";

        for (var caseNumber = 0; caseNumber < cases * Fuzz.Scale; caseNumber++)
        {
            var random = Fuzz.CaseRandom(name, caseNumber);
            var before = await store.GetAsync(job.Uuid);
            var (request, halfClose) = Request(random, job, deleted, caseNumber);

            var (status, body) = await RawHttp.SendAsync(endpoint.BaseUri, request, halfClose);

            var where = $"case {caseNumber} (seed {Fuzz.Seed}, {kind})";
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (request.Split(' ', 3)[1].Split('?')[0].Contains("%00", StringComparison.Ordinal))
            {
                // A path decoding to NUL is refused by Kestrel before any endpoint code runs: its own empty 400 (the
                // one answer the endpoint cannot give its JSON body; see docs/reliability.md).
                // Kestrel may also reset the connection before the client reads that 400 (status 0 here).
                Assert.True(status is 400 or 0 && body.Length == 0, $"{where}: status {status}: {body}");
                kestrelRejected++;
            }
            else if (status != 0)
            {
                Assert.True(Documented.Contains(status), $"{where}: status {status}: {body}");
                Assert.True(IsJsonAnswer(body), $"{where}: status {status} without the JSON body: '{body}' for {request[..Math.Min(request.Length, 300)]}");
            }
            else
            {
                Assert.True(halfClose, $"{where}: no answer to a complete request");
            }

            var after = await store.GetAsync(job.Uuid);
            // Written only by a 200 that names the job (a 200 from /healthz names none).
            var applied = status == 200 && body.Contains(job.Uuid, StringComparison.Ordinal);
            Assert.Equal(before.Revision + (applied ? 1 : 0), after.Revision);
            AssertReadable(after);
            AssertReadable(await store.GetAsync(deleted.Uuid));
            Assert.Equal(0, (await store.GetAsync(deleted.Uuid)).Revision);
            job = after;
        }

        RawHttp.AssertQuietLog(endpoint);
        foreach (var line in endpoint.Logs.Lines)
        {
            SuiteSecrets.Observe(line);
        }

        output.WriteLine($"{kind}: {cases * Fuzz.Scale} requests; statuses (0 = no answer to a cut request): {string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"))}; {kestrelRejected} of the 400s were Kestrel's own (NUL in the path)");
        Assert.True(statuses.Count >= 6, "the requests reached too few outcomes");
        Assert.True(statuses.GetValueOrDefault(200) > 0, "no request was accepted: the generator is too destructive");
    }

    private static bool IsJsonAnswer(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { } answer && answer["status"] is JsonValue;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>A job that was written can always be read: its whole snapshot serialises as JSON.</summary>
    private static void AssertReadable(JobSnapshot job)
    {
        _ = job.Data.ToJsonString();
        _ = job.ArchivePatterns.ToJsonString();
        _ = job.ProductPatterns.ToJsonString();
        foreach (var entry in job.History)
        {
            _ = entry.Data?.ToJsonString();
        }
    }

    private static (string Request, bool HalfClose) Request(Random random, JobSnapshot job, JobSnapshot deleted, int caseNumber)
    {
        var method = Methods[random.Next(Methods.Length)];
        var uuid = random.Next(8) switch
        {
            0 => job.Uuid.ToUpperInvariant(),
            1 => deleted.Uuid,
            2 => Mutations.Crafted(random),
            3 => job.Uuid.Replace("-", "", StringComparison.Ordinal),
            _ => job.Uuid,
        };
        var jobEvent = random.Next(5) == 0 ? Mutations.Crafted(random) : JobEvents.WireNames[random.Next(JobEvents.WireNames.Count)];
        var token = random.Next(4) == 0 ? Mutations.Crafted(random) : (uuid == deleted.Uuid ? deleted : job).CallbackToken.Reveal();
        var nonce = random.Next(8) switch { 0 => null, 1 => EndpointServer.ReadNonce, 2 => Mutations.Crafted(random), _ => EndpointServer.Nonce };
        var query = EndpointServer.Query(("x-nonce", nonce), ("uuid", uuid), (random.Next(2) == 0 ? "event" : "name", jobEvent), ("token", token),
            ("status", random.Next(4) == 0 ? "RUNNING" : null));
        var path = random.Next(12) switch
        {
            0 => "/healthz",
            1 => "/" + Uri.EscapeDataString(Mutations.Crafted(random)),
            2 => $"/actors/v2/{Uri.EscapeDataString(Mutations.Crafted(random) is { Length: > 0 } id ? id : "x")}/messages",
            3 => $"/actors/v2/{EndpointServer.ManagerId}/messages/extra",
            _ => $"/actors/v2/{EndpointServer.ManagerId}/messages",
        };
        var target = random.Next(40) == 0 ? $"{path}?{query}&pad={new string('p', random.Next(8_000, 12_000))}" : $"{path}?{query}";
        var body = Encoding.UTF8.GetBytes(Body(random, job, caseNumber));
        var headers = new StringBuilder("Host: 127.0.0.1\r\n");
        if (ContentTypes[random.Next(ContentTypes.Length)] is { Length: > 0 } contentType)
        {
            headers.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        var extra = random.Next(30) == 0 ? random.Next(90, 130) : random.Next(3);
        for (var i = 0; i < extra; i++)
        {
            headers.Append("X-Fuzz-").Append(i).Append(": ").Append(new string('v', random.Next(1, random.Next(30) == 0 ? 40_000 : 40))).Append("\r\n");
        }

        var framing = random.Next(10);
        var halfClose = framing >= 8;
        if (!halfClose)
        {
            headers.Append("Connection: close\r\n");
        }

        string payload;
        switch (framing)
        {
            case < 5:
                headers.Append("Content-Length: ").Append(body.Length).Append("\r\n");
                payload = Encoding.UTF8.GetString(body);
                break;
            case < 7:
                headers.Append("Transfer-Encoding: chunked\r\n");
                payload = Chunked(random, body);
                break;
            case 7:
                // A chunk size that is not hexadecimal.
                headers.Append("Transfer-Encoding: chunked\r\n");
                payload = "zz\r\n" + Encoding.UTF8.GetString(body) + "\r\n0\r\n\r\n";
                break;
            case 8:
                // Cut inside a chunk, then the client half-closes.
                headers.Append("Transfer-Encoding: chunked\r\n");
                payload = (body.Length + 10).ToString("x", CultureInfo.InvariantCulture) + "\r\n" + Encoding.UTF8.GetString(body);
                break;
            default:
                // Shorter than its Content-Length, then the client half-closes.
                headers.Append("Content-Length: ").Append(body.Length + 1 + random.Next(100)).Append("\r\n");
                payload = Encoding.UTF8.GetString(body);
                break;
        }

        return ($"{method} {target} HTTP/1.1\r\n{headers}\r\n{payload}", halfClose);
    }

    private static string Body(Random random, JobSnapshot job, int caseNumber)
    {
        var hostile = HostileValues[random.Next(HostileValues.Length)];
        return random.Next(7) switch
        {
            0 => "",
            1 => "{\"name\":\"update\",\"data\":{\"n\":" + caseNumber + ",\"v\":" + hostile + "}}",
            2 => "{\"appId\":\"a-1.0\",\"status\":\"RUNNING\",\"v\":" + hostile + "}",
            3 => Mutations.Mutate(random, "{\"uuid\":\"" + job.Uuid + "\",\"name\":\"update\",\"data\":{\"n\":" + caseNumber + "}}"),
            4 => new string('x', random.Next(16 * 1024 - 10, 16 * 1024 + 10)),
            5 => "{\"message\":\"{\\\"name\\\":\\\"update\\\",\\\"data\\\":{\\\"v\\\":" + hostile.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "}}\"}",
            _ => "{\"data\":{\"n\":" + caseNumber + "}}",
        };
    }

    private static string Chunked(Random random, byte[] body)
    {
        var text = new StringBuilder();
        var at = 0;
        while (at < body.Length)
        {
            var size = Math.Min(body.Length - at, random.Next(1, 4096));
            // Chunk boundaries can split a UTF-8 sequence; the request is sent as UTF-8 text, so split on whole characters.
            while (at + size < body.Length && (body[at + size] & 0xC0) == 0x80)
            {
                size++;
            }

            text.Append(size.ToString("x", CultureInfo.InvariantCulture)).Append("\r\n").Append(Encoding.UTF8.GetString(body, at, size)).Append("\r\n");
            at += size;
        }

        return text.Append("0\r\n\r\n").ToString();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stores.Dispose();
        base.Dispose();
    }
}
