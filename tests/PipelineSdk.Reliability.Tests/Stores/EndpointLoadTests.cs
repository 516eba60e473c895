using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PipelineSdk.Endpoint;
using PipelineSdk.Endpoint.Tests;
using PipelineSdk.Jobs;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;
using Xunit.Abstractions;

namespace PipelineSdk.Reliability.Tests.Stores;

/// <summary>
/// The events endpoint on a loopback listener, over both stores: the load of <see cref="LoadDriver"/> as HTTP posts
/// (client events with the callback token, the rest with an admin token, since responses carry no token), then the
/// same history invariants; random messages whose status is always one the endpoint documents and which write
/// nothing unless answered 200; nonce levels, the body limit and the rate limit.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class EndpointLoadTests(CongoServerFixture server, ITestOutputHelper output) : SecretCheckedTest
{
    private const int Jobs = 100;
    private static readonly HashSet<HttpStatusCode> Documented = [.. new[] { 200, 400, 401, 403, 404, 409, 413, 429 }.Select(s => (HttpStatusCode)s)];
    private readonly TestStores _stores = new(server);

    [Theory]
    [InlineData(StoreKind.Embedded)]
    [InlineData(StoreKind.EmbeddedFull)]
    [InlineData(StoreKind.Mongo)]
    public async Task Concurrent_http_clients_lose_nothing_and_double_nothing(StoreKind kind)
    {
        var store = await _stores.OpenAsync(kind);
        await using var endpoint = await EndpointServer.StartAsync(store, events => events.RateLimitPermits = 0);
        var jobs = new List<JobSnapshot>();
        for (var i = 0; i < Jobs; i++)
        {
            jobs.Add(TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["http-load"] = i }))));
        }

        var driver = new LoadDriver(jobs, _stores.AdminToken(), indexerEventsWithAdminToken: true);
        var summary = await driver.RunAsync($"endpoint {kind}", async attempt =>
        {
            var body = new JsonObject
            {
                ["uuid"] = attempt.Job.Uuid,
                ["name"] = attempt.Event.ToWireName(),
                ["token"] = attempt.Token.Reveal(),
                ["data"] = new JsonObject { ["client"] = attempt.Client },
            };
            using var response = await endpoint.PostAsync(EndpointServer.Query(("x-nonce", EndpointServer.Nonce)), body.ToJsonString());
            Assert.True(Documented.Contains(response.StatusCode), $"status {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var answer = await EndpointServer.JsonAsync(response);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return LoadOutcome.Accepted(JobStates.Parse((string)answer["result"]!["job"]!["state"]!));
            }

            return LoadOutcome.Refused($"{(int)response.StatusCode} {answer["error"]?["type"]}");
        });

        for (var i = 0; i < Jobs; i++)
        {
            JobInvariants.AssertConsistent(await store.GetAsync(jobs[i].Uuid), driver.Accepted[i]);
        }

        output.WriteLine(summary);
        ObserveLogs(endpoint);
        await _stores.RegisterStoredSaltsAsync();
    }

    [Fact]
    public async Task Random_posts_get_a_documented_status_and_write_nothing_unless_accepted()
    {
        var store = await _stores.OpenAsync(StoreKind.Embedded);
        await using var endpoint = await EndpointServer.StartAsync(store, events =>
        {
            events.RateLimitPermits = 0;
            events.MaxBodyBytes = 16 * 1024;
        });
        var job = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["http-fuzz"] = 1 })));
        var statuses = new Dictionary<int, int>();
        for (var caseNumber = 0; caseNumber < 400 * Fuzz.Scale; caseNumber++)
        {
            var random = Fuzz.CaseRandom(nameof(Random_posts_get_a_documented_status_and_write_nothing_unless_accepted), caseNumber);
            var before = await store.GetAsync(job.Uuid);
            var nonce = random.Next(10) switch { 0 => null, 1 => EndpointServer.ReadNonce, 2 => Mutations.Crafted(random), _ => EndpointServer.Nonce };
            var token = random.Next(3) == 0 ? Mutations.Crafted(random) : job.CallbackToken.Reveal();
            var jobEvent = random.Next(4) == 0 ? Mutations.Crafted(random) : JobEvents.WireNames[random.Next(JobEvents.WireNames.Count)];
            var body = random.Next(4) switch
            {
                0 => Mutations.Mutate(random, new JsonObject { ["uuid"] = job.Uuid, ["name"] = jobEvent, ["token"] = token, ["data"] = new JsonObject { ["n"] = caseNumber } }.ToJsonString()),
                1 => new string('x', random.Next(16 * 1024 - 10, 16 * 1024 + 10)),
                2 => "",
                _ => new JsonObject { ["data"] = new JsonObject { ["n"] = caseNumber } }.ToJsonString(),
            };
            var query = EndpointServer.Query(("x-nonce", nonce), ("uuid", random.Next(5) == 0 ? Mutations.Crafted(random) : job.Uuid), ("event", jobEvent), ("token", token));
            var managerId = random.Next(15) == 0 ? Mutations.Crafted(random) : EndpointServer.ManagerId;
            using var response = await endpoint.PostAsync(query, body, random.Next(2) == 0 ? "application/json" : "text/plain", string.IsNullOrEmpty(managerId) ? "x" : managerId);

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(Documented.Contains(response.StatusCode), $"case {caseNumber} (seed {Fuzz.Seed}): status {status}: {await response.Content.ReadAsStringAsync()}");
            var after = await store.GetAsync(job.Uuid);
            Assert.Equal(before.Revision + (status == 200 ? 1 : 0), after.Revision);
            job = after;
        }

        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}");
        Assert.True(statuses.Count >= 4, "the posts reached too few outcomes");
        ObserveLogs(endpoint);
    }

    [Fact]
    public async Task Nonce_level_body_size_and_rate_limit_are_enforced_before_anything_is_written()
    {
        var store = await _stores.OpenAsync(StoreKind.Embedded);
        await using var endpoint = await EndpointServer.StartAsync(store, events =>
        {
            events.MaxBodyBytes = 1024;
            events.RateLimitPermits = 8;
            events.RateLimitWindow = TimeSpan.FromMinutes(5);
        });
        var job = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["limits"] = 1 })));
        string Query(string? nonce) => EndpointServer.Query(("x-nonce", nonce), ("uuid", job.Uuid), ("event", "update"), ("token", job.CallbackToken.Reveal()));

        Assert.Equal(HttpStatusCode.Forbidden, (await endpoint.PostAsync(Query(EndpointServer.ReadNonce))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await endpoint.PostAsync(Query("TEST-TENANT_unknown00000000"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await endpoint.PostAsync(Query(null))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await endpoint.PostAsync(Query(EndpointServer.Nonce), new string(' ', 1025))).StatusCode);
        using (var chunked = new HttpRequestMessage(HttpMethod.Post, $"/actors/v2/{EndpointServer.ManagerId}/messages?{Query(EndpointServer.Nonce)}"))
        {
            // No Content-Length: the limit holds while reading.
            chunked.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 4096))));
            chunked.Headers.TransferEncodingChunked = true;
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await endpoint.Http.SendAsync(chunked)).StatusCode);
        }

        Assert.Equal(0, (await store.GetAsync(job.Uuid)).Revision);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await endpoint.PostAsync(Query(EndpointServer.Nonce))).StatusCode);
        }

        // Eight permits in the window, all used (the five refusals above count too): the ninth post is refused.
        var limited = await endpoint.PostAsync(Query(EndpointServer.Nonce));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(3, (await store.GetAsync(job.Uuid)).Revision);
        ObserveLogs(endpoint);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stores.Dispose();
        base.Dispose();
    }

    private static void ObserveLogs(EndpointServer endpoint)
    {
        foreach (var line in endpoint.Logs.Lines)
        {
            SuiteSecrets.Observe(line);
        }
    }
}
