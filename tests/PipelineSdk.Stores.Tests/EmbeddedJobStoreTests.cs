using System.Text.Json.Nodes;
using System.Text;
using Microsoft.Data.Sqlite;
using PipelineSdk.Errors;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores;

namespace PipelineSdk.Stores.Tests;

/// <summary>The conformance suite against the embedded store, on a SQLite file in a temporary folder, and what only a file has.</summary>
public sealed class EmbeddedJobStoreTests : JobStoreConformanceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-embedded-").FullName;
    private readonly List<EmbeddedJobStore> _opened = [];

    private string FilePath => Path.Combine(_folder, "jobs.sqlite");

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

    [Fact]
    public async Task History_is_one_row_per_entry_so_an_event_never_rewrites_earlier_entries()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        for (var i = 0; i < 3; i++)
        {
            await store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["i"] = i }, job.CallbackToken);
        }

        using var connection = new SqliteConnection($"Data Source={FilePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT h.seq, json_extract(h.entry, '$.name'), json_extract(h.entry, '$.data.i') FROM job_history h JOIN jobs j ON j.id = h.job_id WHERE j.uuid = $uuid ORDER BY h.seq";
        command.Parameters.AddWithValue("$uuid", job.Uuid);
        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add($"{reader.GetInt64(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "-" : reader.GetInt64(2))}");
        }

        Assert.Equal(["0 create -", "1 update 0", "2 update 1", "3 update 2"], rows);
    }

    // Issue 17, finding D1: a file that is not a job store is refused and left byte-identical, by reads and writes.
    [Theory]
    [InlineData("text")]
    [InlineData("services")]
    [InlineData("malformed")]
    [InlineData("foreign")]
    public async Task A_file_that_is_not_a_store_is_refused_and_left_byte_identical(string kind)
    {
        var file = Path.Combine(_folder, "not-a-store");
        switch (kind)
        {
            case "text":
                await File.WriteAllTextAsync(file, "just some notes\nline two\n");
                break;
            case "services":
                await File.WriteAllTextAsync(file, string.Concat(Enumerable.Range(1, 500).Select(i => $"svc{i}\t{i}/tcp\t# service {i}\n")));
                break;
            case "malformed":
                // A SQLite header followed by garbage: the file claims to be a database but its pages are not.
                var bytes = new byte[8192];
                new Random(17).NextBytes(bytes);
                Encoding.ASCII.GetBytes("SQLite format 3\0").CopyTo(bytes, 0);
                await File.WriteAllBytesAsync(file, bytes);
                break;
            case "foreign":
                using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me');";
                    command.ExecuteNonQuery();
                }

                break;
        }

        var before = await File.ReadAllBytesAsync(file);
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file });

        var read = await Assert.ThrowsAsync<PipelineStoreFileException>(() => store.QueryAsync(new JobQuery()));
        var written = await Assert.ThrowsAsync<PipelineStoreFileException>(() => store.RegisterPipelineAsync(Pipeline, null));

        Assert.Equal(Path.GetFullPath(file), read.FilePath);
        Assert.StartsWith(Path.GetFullPath(file) + ": ", read.Message);
        Assert.Contains("not modified", written.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        Assert.False(File.Exists(file + "-wal") && new FileInfo(file + "-wal").Length > 0);
    }

    // Issue 17, finding D20: reads on a path with no store create neither the file nor its folder.
    [Fact]
    public async Task Reads_on_a_missing_file_find_nothing_and_create_nothing()
    {
        var folder = Path.Combine(_folder, "no", "such");
        var file = Path.Combine(folder, "jobs.sqlite");
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file });

        Assert.Empty(await store.QueryAsync(new JobQuery { IncludeHidden = true }));
        Assert.Empty(await store.ListPipelinesAsync());
        Assert.Null(await store.FindPipelineAsync(Pipeline));
        await Assert.ThrowsAsync<UnknownJobException>(() => store.GetAsync("107596b8-25b2-557d-9702-853f0690c576"));

        Assert.False(Directory.Exists(Path.Combine(_folder, "no")));
    }

    [Fact]
    public async Task Without_CreateIfMissing_a_missing_file_is_refused_by_name()
    {
        var file = Path.Combine(_folder, "missing.sqlite");
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file, CreateIfMissing = false });

        var error = await Assert.ThrowsAsync<PipelineStoreFileException>(() => store.GetAsync("107596b8-25b2-557d-9702-853f0690c576"));
        await Assert.ThrowsAsync<PipelineStoreFileException>(() => store.RegisterPipelineAsync(Pipeline, null));

        Assert.Equal($"{Path.GetFullPath(file)}: there is no job store here.", error.Message);
        Assert.False(File.Exists(file));
    }

    // Issue 17, finding D16: a writer that holds the file's lock and never lets go makes others give up in bounded time.
    [Fact]
    public async Task A_write_lock_held_elsewhere_gives_store_unavailable_after_the_lock_timeout()
    {
        var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = FilePath, LockTimeout = TimeSpan.FromSeconds(1) }, Options(TokenPolicy.Enforce));
        _opened.Add(store);
        await store.RegisterPipelineAsync(Pipeline, null);
        var job = await store.CreateAsync(NewJob());

        // Another connection (as another process would) takes the write lock and keeps it.
        using var holder = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        holder.Open();
        using var transaction = holder.BeginTransaction(deferred: false);

        var error = await Assert.ThrowsAsync<PipelineStoreUnavailableException>(() => store.ApplyAsync(job.Uuid, JobEvent.Run, null, job.UpdateToken));
        Assert.False(error.MayHaveBeenApplied);
        Assert.Equal("SQLite", error.Store);
        // Readers are not blocked by a writer (WAL), and nothing was written.
        Assert.Equal(0, (await store.GetAsync(job.Uuid)).Revision);

        transaction.Rollback();
        Assert.Equal(JobState.Running, (await store.ApplyAsync(job.Uuid, JobEvent.Run, null, job.UpdateToken)).State);
    }

    [Fact]
    public async Task Bursts_and_lone_writes_in_turn_are_all_committed_once()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());

        // A burst queues for the writer thread; after a pause the thread has ended, a lone write runs on its caller,
        // and the next burst starts a new thread.
        var sent = 0;
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(Enumerable.Range(sent, 20).Select(i => Task.Run(() =>
                store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["i"] = i }, job.CallbackToken))));
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            await store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["i"] = sent + 20 }, job.CallbackToken);
            sent += 21;
        }

        var stored = await OpenStore(Options(TokenPolicy.Enforce)).GetAsync(job.Uuid);
        Assert.Equal(sent, stored.Revision);
        Assert.Equal(Enumerable.Range(0, sent), stored.History.Skip(1).Select(e => e.Data!["i"]!.GetValue<int>()).Order());
    }

    [Fact]
    public async Task A_disposed_store_refuses_writes_and_keeps_what_it_acknowledged()
    {
        var store = await NewStoreAsync();
        var job = await store.CreateAsync(NewJob());
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.ApplyAsync(job.Uuid, JobEvent.Update, new JsonObject { ["i"] = i }, job.CallbackToken)));

        ((IDisposable)store).Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ApplyAsync(job.Uuid, JobEvent.Update, null, job.CallbackToken));
        var stored = await OpenStore(Options(TokenPolicy.Enforce)).GetAsync(job.Uuid);
        Assert.Equal(20, stored.Revision);
        Assert.Equal(Enumerable.Range(0, 20), stored.History.Skip(1).Select(e => e.Data!["i"]!.GetValue<int>()).Order());
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
