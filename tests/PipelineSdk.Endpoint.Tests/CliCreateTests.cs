using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>
/// <c>pipelinejobs create</c> as a process, and the issue's "done when": <c>serve</c> plus plain HTTP POSTs reproduce an
/// Agave job's notification sequence on jobs made by <c>create</c>, and <c>show</c>/<c>history</c> display the result.
/// </summary>
public sealed class CliCreateTests : IDisposable
{
    // Vectors of the Python original (reproduced with a from-scratch implementation of it):
    // pipeline 106c46ff-…, child [1041ab3f-…], data {} → job 107596b8-…, H1 kZpoopq2…, H2 of {} PAVpwrOb…;
    // the same pipeline with the two measurements 10483e8d-…, 104dae4d-… and data {} → job 10704831-…, H1 3pGOjjEY….
    private const string Measurement = "1041ab3f-5221-5c79-8781-8838dfb6eef9";
    private const string FirstJob = "107596b8-25b2-557d-9702-853f0690c576";
    private const string FirstArchivePath = "/products/v2/106c46ff81865756a934071f4497b58d/kZpoopq2GBKYy6DQ9pqqNbk8/PAVpwrObxp5YjYRvrJOd5yVp";
    private const string SecondJob = "10704831-8017-5e39-a4d7-dd73a08b4a4b";
    // Pipeline 106c46ff-…, no child_of, data {}: computed with Debian's Python 3 (uuid5 typed UUIDs),
    // in a throwaway script checked against the 107596b8-… vector above.
    private const string FirstJobOfConfig = "10792d3c-395c-57e0-a694-006cf03d3970";
    private const string SecondArchivePath = "/products/v2/106c46ff81865756a934071f4497b58d/3pGOjjEYq3BZ2DJ6e0jLQqWb/PAVpwrObxp5YjYRvrJOd5yVp";

    private const string ManagerId = "jobs-manager.test";
    private const string Nonce = "TEST-TENANT_nonce1";

    // The job's owner comes from the environment, as for a reactor; fixed so the tests do not depend on the runner's.
    private static readonly Dictionary<string, string> Owner = new() { ["TACC_USERNAME"] = "sd2eadm" };

    private readonly string _directory = Directory.CreateTempSubdirectory("cli-create-tests-").FullName;

    private string Db => Path.Combine(_directory, "jobs.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int Exit, string Stdout, string Stderr) Tool(params string[] args) => ToolProcess.Run(Owner, args);

    private (int Exit, string Stdout, string Stderr) Tool(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ToolProcess.Run(new Dictionary<string, string>(Owner).Concat(environment).ToDictionary(), args);

    private async Task<JobSnapshot> StoredAsync(string uuid)
    {
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = Db }, TestJobs.StoreOptions);
        return await store.GetAsync(uuid);
    }

    private async Task<int> JobCountAsync()
    {
        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = Db }, TestJobs.StoreOptions);
        return (await store.QueryAsync(new Stores.JobQuery())).Count;
    }

    [Fact]
    public async Task Done_when_serve_and_http_posts_replay_agave_notifications_on_created_jobs_and_show_displays_the_history()
    {
        Assert.Equal(0, Tool("pipelines", "add", "--uuid", TestJobs.Pipeline, "--name", "Endpoint tests", "--db", Db).Exit);
        using var serve = Process.Start(ToolProcess.StartInfo(Owner,
            ["serve", "--urls", "http://127.0.0.1:0", "--manager-id", ManagerId, "--nonce", Nonce, "--db", Db]))!;
        try
        {
            var line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(line);
            var serveUrl = line!["listening on ".Length..];

            var first = Create(serveUrl, "sensible-adder", Measurement);
            var second = Create(serveUrl, "mighty-crow", "10483e8d-6602-532a-8941-176ce20dd05a", "104dae4d-a677-5991-ae1c-696d2ee9884e");
            Assert.Equal(FirstJob, (string?)first["uuid"]);
            Assert.Equal("CREATED", (string?)first["state"]);
            Assert.Equal(FirstArchivePath, (string?)first["archive_path"]);
            Assert.Equal(SecondJob, (string?)second["uuid"]);
            Assert.Equal(SecondArchivePath, (string?)second["archive_path"]);

            // What Agave posts: the job JSON as the body, to the registered callback plus &status=… (RUNNING and
            // FAILED are registered with ${JOB_STATUS}, which Agave fills in; FINISHED with a fixed status).
            using var http = new HttpClient();
            Assert.Equal(("RUNNING", "run"), await NotifyAsync(http, first, "RUNNING"));
            Assert.Equal(("FINISHED", "finish"), await NotifyAsync(http, first, "FINISHED"));
            Assert.Equal(("RUNNING", "run"), await NotifyAsync(http, second, "RUNNING"));
            Assert.Equal(("FAILED", "fail"), await NotifyAsync(http, second, "FAILED"));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        var firstShow = Tool("show", FirstJob, "--db", Db);
        var firstHistory = Tool("history", FirstJob, "--db", Db, "--json");
        var secondShow = Tool("show", SecondJob, "--db", Db);
        var secondHistory = Tool("history", SecondJob, "--db", Db);

        Assert.Equal(0, firstShow.Exit);
        Assert.Contains("state         FINISHED", firstShow.Stdout);
        Assert.Contains("last event    finish", firstShow.Stdout);
        Assert.Contains($"archive path  data-sd2e-community:{FirstArchivePath}", firstShow.Stdout);
        // One history row per event, oldest first (long data is shortened to the column's width).
        Assert.Matches(@"\nDATE +EVENT +DATA\n\S+Z +create +[^\n]+\n\S+Z +run +\{""id"":""6583653933928541720-242ac11b-0001-007""[^\n]*\n\S+Z +finish +\{""status"":""FINISHED""\}\s*$", firstShow.Stdout);
        var history = JsonNode.Parse(firstHistory.Stdout)!.AsArray();
        Assert.Equal(["create", "run", "finish"], history.Select(e => (string?)e!["name"]));
        // RUNNING keeps the job JSON minus _links, retries and localId; other statuses keep {status}.
        Assert.Equal(
            """{"id":"6583653933928541720-242ac11b-0001-007","name":"tacobot-run","owner":"sd2eadm","appId":"tacobot-0.1.0u1","executionSystem":"hpc-tacc-maverick2","status":"RUNNING"}""",
            history[1]!["data"]!.ToJsonString());
        Assert.Equal("""{"status":"FINISHED"}""", history[2]!["data"]!.ToJsonString());

        Assert.Contains("state         FAILED", secondShow.Stdout);
        Assert.Contains("last event    fail", secondShow.Stdout);
        Assert.Equal(["EVENT", "create", "run", "fail"], secondHistory.Stdout.TrimEnd().Split('\n').Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Matches(@"Z +fail +\{""status"":""FAILED""\}$", secondHistory.Stdout.TrimEnd());
        Assert.Equal(JobState.Failed, (await StoredAsync(SecondJob)).State);
    }

    /// <summary>Runs <c>create</c> with the serve URL as the API server and returns its JSON output.</summary>
    private JsonObject Create(string apiServer, string session, params string[] childOf)
    {
        var (exit, stdout, stderr) = Tool(
            ["create", "--pipeline", TestJobs.Pipeline, .. childOf.SelectMany(id => new[] { "--child-of", id }), "--session", session,
             "--api-server", apiServer, "--manager-id", ManagerId, "--nonce", Nonce, "--db", Db, "--json"]);
        Assert.True(exit == 0, stderr);
        var printed = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(["uuid", "state", "archive_path", "callback", "token", "agave_notifications"], printed.Select(p => p.Key));
        // The original's agave_notifications(): the callback URL plus a status, Agave's macro left for Agave to fill in.
        var callback = (string)printed["callback"]!;
        Assert.Equal(
            new JsonArray(
                new JsonObject { ["event"] = "RUNNING", ["persistent"] = true, ["url"] = callback + "&status=${JOB_STATUS}" },
                new JsonObject { ["event"] = "FINISHED", ["persistent"] = false, ["url"] = callback + "&status=FINISHED" },
                new JsonObject { ["event"] = "FAILED", ["persistent"] = false, ["url"] = callback + "&status=${JOB_STATUS}" }).ToJsonString(),
            printed["agave_notifications"]!.ToJsonString());
        return printed;
    }

    /// <summary>
    /// Fires the printed Agave notification registered for <paramref name="status"/> as Agave does (the job JSON posted
    /// to its URL, the status macro filled in); returns the state and last event the endpoint reports.
    /// </summary>
    private static async Task<(string? State, string? LastEvent)> NotifyAsync(HttpClient http, JsonObject job, string status)
    {
        var body = new JsonObject
        {
            ["id"] = "6583653933928541720-242ac11b-0001-007",
            ["name"] = "tacobot-run",
            ["owner"] = "sd2eadm",
            ["appId"] = "tacobot-0.1.0u1",
            ["executionSystem"] = "hpc-tacc-maverick2",
            ["status"] = status,
            ["retries"] = 0,
            ["localId"] = "4481412",
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = "https://api.sd2e.org/jobs/v2/6583653933928541720-242ac11b-0001-007" } },
        }.ToJsonString();
        var notification = job["agave_notifications"]!.AsArray().Single(n => (string?)n!["event"] == status)!;
        var url = ((string)notification["url"]!).Replace("${JOB_STATUS}", status, StringComparison.Ordinal);
        using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var reported = JsonNode.Parse(text)!["result"]!["job"]!;
        return ((string?)reported["state"], (string?)reported["last_event"]);
    }

    [Fact]
    public async Task Create_prints_the_callback_url_and_tokens_of_the_stored_job_and_is_idempotent()
    {
        Tool("pipelines", "add", "--uuid", TestJobs.Pipeline, "--db", Db);

        var created = Tool("create", "--pipeline", TestJobs.Pipeline, "--child-of", Measurement, "--session", "sensible-adder",
            "--api-server", "https://api.example.org/", "--manager-id", ManagerId, "--nonce", "a b&c", "--db", Db);
        var again = Tool("create", "--pipeline", TestJobs.Pipeline, "--child-of", Measurement, "--session", "other-session", "--db", Db, "--json");

        Assert.True(created.Exit == 0, created.Stderr);
        var stored = await StoredAsync(FirstJob);
        // The callback URL form with this SDK's fixes: no "//" and percent-encoded query values.
        var callback = $"https://api.example.org/actors/v2/{ManagerId}/messages?x-nonce=a%20b%26c&token={stored.CallbackToken.Reveal()}&uuid={FirstJob}&session=sensible-adder";
        Assert.Equal(
            $"uuid: {FirstJob}\nstate: CREATED\narchive_path: {FirstArchivePath}\ncallback: {callback}\ntoken: {stored.UpdateToken.Reveal()}\n",
            created.Stdout.Replace("\r\n", "\n"));
        Assert.Equal([Measurement], stored.ChildOf);
        Assert.Equal("sd2eadm", stored.Admin.Owner);

        Assert.Equal(0, again.Exit);
        var reopened = JsonNode.Parse(again.Stdout)!.AsObject();
        Assert.Equal(FirstJob, (string?)reopened["uuid"]);
        Assert.Equal(stored.UpdateToken.Reveal(), (string?)reopened["token"]);
        Assert.Null(reopened["callback"]);
        Assert.Null(reopened["agave_notifications"]);
        Assert.Equal(1, await JobCountAsync());
    }

    [Fact]
    public async Task Create_reads_callback_settings_from_config_yml_with_reactor_overrides_and_the_options_win()
    {
        Tool("pipelines", "add", "--uuid", TestJobs.Pipeline, "--db", Db);
        var config = Path.Combine(_directory, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            pipelines:
              pipeline_uuid: {TestJobs.Pipeline}
              job_manager_id: jobs-manager.prod
              job_manager_nonce: FROM-FILE
              api_server: https://api.sd2e.org
            """);
        var overrides = new Dictionary<string, string> { ["_REACTOR_PIPELINES_JOB_MANAGER_NONCE"] = "FROM-ENV" };

        var fromConfig = Tool(overrides, "create", "--config", config, "--db", Db, "--json");
        var withOptions = Tool(overrides, "create", "--config", config, "--manager-id", ManagerId, "--api-server", "http://127.0.0.1:5080", "--db", Db, "--json");
        var undeclared = Tool(new Dictionary<string, string> { ["_REACTOR_PIPELINES_JOB_MANAGER"] = "x" }, "create", "--config", config, "--db", Db);
        var missingFile = Tool("create", "--config", Path.Combine(_directory, "absent.yml"), "--db", Db);

        Assert.True(fromConfig.Exit == 0, fromConfig.Stderr);
        var callback = (string?)JsonNode.Parse(fromConfig.Stdout)!["callback"];
        Assert.StartsWith("https://api.sd2e.org/actors/v2/jobs-manager.prod/messages?x-nonce=FROM-ENV&token=", callback);
        Assert.Equal(FirstJobOfConfig, (string?)JsonNode.Parse(fromConfig.Stdout)!["uuid"]);
        Assert.StartsWith($"http://127.0.0.1:5080/actors/v2/{ManagerId}/messages?x-nonce=FROM-ENV&token=", (string?)JsonNode.Parse(withOptions.Stdout)!["callback"]);
        Assert.Equal(2, undeclared.Exit);
        Assert.Contains("_REACTOR_PIPELINES_JOB_MANAGER", undeclared.Stderr);
        Assert.Equal(2, missingFile.Exit);
        Assert.Contains("absent.yml", missingFile.Stderr);
    }

    [Fact]
    public async Task Create_refuses_an_unknown_pipeline_with_exit_1_and_bad_arguments_with_exit_2_writing_nothing()
    {
        Tool("pipelines", "add", "--uuid", TestJobs.Pipeline, "--db", Db);
        const string unregistered = "10650844-1baa-55c5-a481-5e945b19c065";

        var unknown = Tool("create", "--pipeline", unregistered, "--db", Db);
        var notAPipeline = Tool("create", "--pipeline", FirstJob, "--db", Db);
        var noPipeline = Tool("create", "--db", Db);
        var childOfAJob = Tool("create", "--pipeline", TestJobs.Pipeline, "--child-of", FirstJob, "--db", Db);
        var mixedChildOf = Tool("create", "--pipeline", TestJobs.Pipeline, "--child-of", Measurement, "--child-of", "102edd93-29d6-5483-b60b-8dfd4d094b9c", "--db", Db);
        var dataNotObject = Tool("create", "--pipeline", TestJobs.Pipeline, "--data", "[1]", "--db", Db);
        var badPatterns = Tool("create", "--pipeline", TestJobs.Pipeline, "--archive-patterns", """[{"level":"9"}]""", "--db", Db);
        var badApiServer = Tool("create", "--pipeline", TestJobs.Pipeline, "--api-server", "ftp://api.example.org", "--manager-id", ManagerId, "--db", Db);

        Assert.Equal(1, unknown.Exit);
        Assert.Equal($"error: {new UnknownPipelineException(unregistered).Message}", unknown.Stderr.TrimEnd());
        Assert.Equal(2, notAPipeline.Exit);
        Assert.Contains("--pipeline", notAPipeline.Stderr);
        Assert.Equal(2, noPipeline.Exit);
        Assert.Contains("--pipeline", noPipeline.Stderr);
        Assert.Equal(2, childOfAJob.Exit);
        Assert.Contains("pipelinejob UUID", childOfAJob.Stderr);
        Assert.Equal(2, mixedChildOf.Exit);
        Assert.Contains("mix types (experiment, measurement)", mixedChildOf.Stderr);
        Assert.Equal(2, dataNotObject.Exit);
        Assert.Contains("--data must be a JSON object", dataNotObject.Stderr);
        Assert.Equal(2, badPatterns.Exit);
        Assert.Contains("ArchivePatterns", badPatterns.Stderr);
        Assert.Equal(2, badApiServer.Exit);
        Assert.Contains("api_server has the scheme 'ftp'", badApiServer.Stderr);
        foreach (var result in new[] { unknown, notAPipeline, noPipeline, childOfAJob, mixedChildOf, dataNotObject, badPatterns, badApiServer })
        {
            Assert.Equal("", result.Stdout);
            Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        }

        Assert.Equal(0, await JobCountAsync());
    }
}
