using System.Text.Json.Nodes;
using PipelineSdk.Stores.Embedded;

namespace PipelineSdk.Stores.Tests;

/// <summary>The conformance suite against the embedded store, on a LiteDB file in a temporary folder.</summary>
public sealed class EmbeddedJobStoreTests : JobStoreConformanceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-embedded-").FullName;
    private readonly List<EmbeddedJobStore> _opened = [];

    private string FilePath => Path.Combine(_folder, "jobs.db");

    /// <inheritdoc />
    protected override IPipelineJobStore OpenStore(JobStoreOptions options)
    {
        var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = FilePath }, options);
        _opened.Add(store);
        return store;
    }

    [Fact]
    public async Task Concurrent_creates_of_one_job_make_one_record()
    {
        var store = await NewStoreAsync();
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.CreateAsync(NewJob()))));

        Assert.Single(created.Select(j => j.Uuid).Distinct());
        Assert.Single(await store.QueryAsync(new JobQuery { IncludeHidden = true }));
    }

    [Fact]
    public async Task Two_connections_to_one_file_share_jobs_and_interleave_events_safely()
    {
        var first = await NewStoreAsync();
        var second = OpenStore(Options(TokenPolicy.Enforce));
        var job = await first.CreateAsync(NewJob());

        var seen = await second.GetAsync(job.Uuid);
        Assert.Equal(job.UpdateToken, seen.UpdateToken);
        await Task.WhenAll(new[] { first, second }.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["i"] = i }, job.CallbackToken);
            }
        })));

        var stored = await first.GetAsync(job.Uuid);
        Assert.Equal(101, stored.History.Count);
        Assert.Equal(100, stored.Revision);
    }

    /// <summary>Closes the stores and deletes the temporary folder.</summary>
    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
