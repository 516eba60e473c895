using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;
using PipelineSdk.Tokens;
using Xunit.Abstractions;

namespace PipelineSdk.Reliability.Tests.Stores;

/// <summary>
/// Load (issue 9 item 1) directly against the stores (see <see cref="LoadDriver"/>; the same load through the events
/// endpoint is in <c>EndpointLoadTests</c>): 64 concurrent clients, 100 jobs, a bounded time. Afterwards every job's history has exactly one entry per accepted event plus create, a consistent
/// revision, no duplicate uuid and no forbidden transition. Throughput and latency go to the test output.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class StoreLoadTests(CongoServerFixture server, ITestOutputHelper output) : SecretCheckedTest
{
    private const int Jobs = 100;
    private readonly TestStores _stores = new(server);

    [Theory]
    [InlineData(StoreKind.Embedded)]
    [InlineData(StoreKind.EmbeddedFull)]
    [InlineData(StoreKind.Mongo)]
    public async Task Concurrent_clients_lose_nothing_and_double_nothing(StoreKind kind)
    {
        var store = await _stores.OpenAsync(kind);
        var jobs = new JobSnapshot[Jobs];
        for (var i = 0; i < Jobs; i++)
        {
            jobs[i] = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["load"] = i })));
        }

        var driver = new LoadDriver(jobs, _stores.AdminToken());
        var summary = await driver.RunAsync($"store {kind}", async attempt =>
        {
            try
            {
                var applied = await store.ApplyAsync(attempt.Job.Uuid, attempt.Event, new JsonObject { ["client"] = attempt.Client }, attempt.Token);
                return LoadOutcome.Accepted(applied.State, applied.UpdateToken);
            }
            catch (PipelineJobException e)
            {
                // Refusals are expected (forbidden transitions, stale tokens, conflicts); they must be the documented kind.
                SuiteSecrets.Observe(e);
                return LoadOutcome.Refused(e.GetType().Name);
            }
        });

        for (var i = 0; i < Jobs; i++)
        {
            JobInvariants.AssertConsistent(await store.GetAsync(jobs[i].Uuid), driver.Accepted[i]);
        }

        output.WriteLine(summary);
        await _stores.RegisterStoredSaltsAsync();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stores.Dispose();
        base.Dispose();
    }
}
