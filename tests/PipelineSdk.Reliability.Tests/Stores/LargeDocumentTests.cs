using System.Text.Json.Nodes;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Reliability.Tests.Stores;

/// <summary>
/// The original's issue 15: a job with about 90 kB of product patterns goes through create, events, an admin reset
/// and ready, and runs again, on both stores; the patterns come back byte for byte and the history stays consistent.
/// </summary>
[Collection(WireServerCollection.Name)]
public sealed class LargeDocumentTests(CongoServerFixture server) : SecretCheckedTest
{
    private readonly TestStores _stores = new(server);

    [Theory]
    [InlineData(StoreKind.Embedded)]
    [InlineData(StoreKind.Mongo)]
    public async Task A_90_kB_product_patterns_job_survives_create_events_and_reset(StoreKind kind)
    {
        var store = await _stores.OpenAsync(kind);
        var patterns = ProductPatterns(90 * 1024);
        var expected = patterns.ToJsonString();
        Assert.InRange(expected.Length, 90 * 1024, 91 * 1024);

        var job = TestStores.Seen(await store.CreateAsync(TestStores.Job(new JsonObject { ["large"] = true }, patterns)));
        Assert.Equal(expected, job.ProductPatterns.ToJsonString());
        job = await TestStores.ApplyAsync(store, job, JobEvent.Run, null, job.UpdateToken);
        for (var i = 0; i < 20; i++)
        {
            job = await TestStores.ApplyAsync(store, job, JobEvent.Update, new JsonObject { ["percent"] = i * 5, ["note"] = new string('n', 2000) }, job.CallbackToken);
        }

        job = await TestStores.ApplyAsync(store, job, JobEvent.Finish, null, job.UpdateToken);
        job = await TestStores.ApplyAsync(store, job, JobEvent.Reset, new JsonObject { ["reason"] = "rerun" }, _stores.AdminToken());
        Assert.Equal(JobState.Reset, job.State);
        job = await TestStores.ApplyAsync(store, job, JobEvent.Ready, null, _stores.AdminToken());
        job = await TestStores.ApplyAsync(store, job, JobEvent.Run, null, job.UpdateToken);

        var stored = await store.GetAsync(job.Uuid);
        Assert.Equal(expected, stored.ProductPatterns.ToJsonString());
        Assert.Equal(JobState.Running, stored.State);
        JobInvariants.AssertConsistent(stored, acceptedEvents: 25);
        await _stores.RegisterStoredSaltsAsync();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stores.Dispose();
        base.Dispose();
    }

    /// <summary>Index requests like the original's product_patterns, repeated until the JSON reaches <paramref name="bytes"/>.</summary>
    private static JsonArray ProductPatterns(int bytes)
    {
        var patterns = new JsonArray();
        for (var i = 0; patterns.ToJsonString().Length < bytes; i++)
        {
            patterns.Add(new JsonObject
            {
                ["patterns"] = new JsonArray($"sample_{i:D5}/.*\\.fastq\\.gz$", $"sample_{i:D5}/.*_R[12]\\.bam$", $"reports/{i:D5}/.*\\.html$"),
                ["level"] = (i % 3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["derived_using"] = new JsonArray("1176a1d6-7c3e-5c2f-b6a9-3a1f2e4d5c6b"),
                ["derived_from"] = new JsonArray($"1041ab3f-5221-5c79-8781-{i:D12}"),
                ["processing_level"] = "2",
            });
        }

        return patterns;
    }
}
