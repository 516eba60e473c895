using System.Diagnostics;
using System.Text.Json.Nodes;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>The operator verbs, serve and actor run as processes against an embedded store file.</summary>
public sealed class CliVerbTests : IDisposable
{
    private readonly string _file = TestJobs.TempFile();

    /// <summary>The deployment's admin key and secret, as Abaco passes secrets: configuration overrides.</summary>
    private static readonly Dictionary<string, string> AdminEnvironment = new()
    {
        ["_REACTOR_PIPELINES_ADMIN_TOKEN_KEY"] = TestJobs.AdminKey,
        ["_REACTOR_PIPELINES_ADMIN_TOKEN_SECRET"] = TestJobs.AdminSecret,
    };

    public void Dispose() => File.Delete(_file);

    /// <summary>Creates a job in the file and closes the file, so the tool process has it alone.</summary>
    private async Task<JobSnapshot> NewJobAsync()
    {
        using var store = await TestJobs.EmbeddedAsync(_file);
        return await TestJobs.CreateAsync(store);
    }

    private async Task<JobSnapshot> ReadAsync(string uuid)
    {
        using var store = await TestJobs.EmbeddedAsync(_file);
        return await store.GetAsync(uuid);
    }

    [Fact]
    public async Task Send_applies_an_event_and_prints_state_and_the_next_token()
    {
        var job = await NewJobAsync();

        var (exit, stdout, stderr) = ToolProcess.Run("send", "run", "--uuid", job.Uuid, "--token", job.UpdateToken.Reveal(), "--data", """{"step":1}""", "--db", _file, "--json");

        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        var stored = await ReadAsync(job.Uuid);
        var printed = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal($$"""{"uuid":"{{job.Uuid}}","state":"RUNNING","last_event":"run","token":"{{stored.UpdateToken.Reveal()}}"}""", printed.ToJsonString());
        Assert.Equal("""{"step":1}""", stored.History[^1].Data!.ToJsonString());
    }

    [Fact]
    public async Task Refused_operations_exit_1_and_usage_errors_exit_2_with_one_line_on_stderr()
    {
        var job = await NewJobAsync();

        var badToken = ToolProcess.Run("send", "run", "--uuid", job.Uuid, "--token", "0123456789abcdef", "--db", _file);
        var wrongState = ToolProcess.Run("send", "finish", "--uuid", job.Uuid, "--token", job.CallbackToken.Reveal(), "--db", _file);
        var unknownJob = ToolProcess.Run("show", "107aaaaa-aaaa-5aaa-8aaa-aaaaaaaaaaaa", "--db", _file);
        var unknownEvent = ToolProcess.Run("send", "updated", "--uuid", job.Uuid, "--db", _file);
        var badUuid = ToolProcess.Run("show", "not-a-uuid", "--db", _file);

        Assert.Equal(1, badToken.Exit);
        Assert.Contains("not valid", badToken.Stderr);
        Assert.Equal(1, wrongState.Exit);
        Assert.Contains("'finish' is not allowed from state CREATED", wrongState.Stderr);
        Assert.Equal(1, unknownJob.Exit);
        Assert.Equal(2, unknownEvent.Exit);
        Assert.Equal(2, badUuid.Exit);
        foreach (var result in new[] { badToken, wrongState, unknownJob, unknownEvent, badUuid })
        {
            Assert.Equal("", result.Stdout);
            Assert.Single(result.Stderr.TrimEnd().Split('\n'));
            Assert.StartsWith("error: ", result.Stderr);
        }

        Assert.Equal(0, (await ReadAsync(job.Uuid)).Revision);
    }

    [Fact]
    public async Task Show_history_and_list_print_the_job_without_secrets()
    {
        var job = await NewJobAsync();
        ToolProcess.Run("send", "run", "--uuid", job.Uuid, "--token", job.CallbackToken.Reveal(), "--db", _file);

        var showJson = ToolProcess.Run("show", job.Uuid, "--db", _file, "--json");
        var showText = ToolProcess.Run("show", job.Uuid, "--db", _file);
        var history = ToolProcess.Run("history", job.Uuid, "--db", _file, "--json");
        var list = ToolProcess.Run("list", "--state", "running", "--pipeline", TestJobs.Pipeline, "--limit", "5", "--db", _file, "--json");
        var emptyList = ToolProcess.Run("list", "--state", "FAILED", "--db", _file, "--json");

        var stored = await ReadAsync(job.Uuid);
        var document = JsonNode.Parse(showJson.Stdout)!.AsObject();
        Assert.Equal(job.Uuid, (string?)document["uuid"]);
        Assert.Equal("RUNNING", (string?)document["state"]);
        Assert.Equal(1, (long)document["_properties"]!["revision"]!);
        Assert.False(document.ContainsKey("_salt"));
        foreach (var secret in new[] { stored.UpdateToken.Reveal(), job.UpdateToken.Reveal(), job.CallbackToken.Reveal() })
        {
            Assert.DoesNotContain(secret, showJson.Stdout);
            Assert.DoesNotContain(secret, showText.Stdout);
        }

        Assert.Contains("state         RUNNING", showText.Stdout);
        Assert.Contains("archive path  data-sd2e-community:/products/v2/106c46ff81865756a934071f4497b58d/endpoint", showText.Stdout);
        Assert.Matches(@"\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +run +null", showText.Stdout);
        Assert.Equal(["create", "run"], JsonNode.Parse(history.Stdout)!.AsArray().Select(e => (string?)e!["name"]));
        var row = Assert.Single(JsonNode.Parse(list.Stdout)!.AsArray())!.AsObject();
        Assert.Equal(["uuid", "state", "last_event", "updated", "pipeline_uuid"], row.Select(p => p.Key));
        Assert.Equal(job.Uuid, (string?)row["uuid"]);
        Assert.Empty(JsonNode.Parse(emptyList.Stdout)!.AsArray());
    }

    [Fact]
    public async Task Reset_ready_and_delete_need_an_admin_token_of_the_configured_key()
    {
        var job = await NewJobAsync();
        var valid = Tokens.AdminTokens.Create(TestJobs.AdminKey, TestJobs.AdminSecret, DateTimeOffset.UtcNow, Tokens.AdminTokens.DefaultLifetimeSeconds).Reveal();
        var ownKey = Tokens.AdminTokens.Create("my-own-key", "my-own-secret", DateTimeOffset.UtcNow, Tokens.AdminTokens.DefaultLifetimeSeconds).Reveal();
        var callerVariables = new Dictionary<string, string> { ["PIPELINESDK_ADMIN_TOKEN_KEY"] = "my-own-key", ["PIPELINESDK_ADMIN_TOKEN_SECRET"] = "my-own-secret" };

        var withoutCredentials = ToolProcess.Run("reset", job.Uuid, "--db", _file);
        var callerChosenKey = ToolProcess.Run(callerVariables, "reset", job.Uuid, "--db", _file);
        var tokenOfOwnKey = ToolProcess.Run(AdminEnvironment, "reset", job.Uuid, "--admin-token", ownKey, "--db", _file);
        var tokenWithoutConfiguredKey = ToolProcess.Run("reset", job.Uuid, "--admin-token", valid, "--db", _file);
        var reset = ToolProcess.Run(AdminEnvironment, "reset", job.Uuid, "--admin-token", valid, "--db", _file, "--json");
        var ready = ToolProcess.Run(AdminEnvironment, "ready", job.Uuid, "--db", _file, "--json");
        var delete = ToolProcess.Run(AdminEnvironment, "delete", job.Uuid, "--db", _file);
        var gone = ToolProcess.Run("show", job.Uuid, "--db", _file);

        Assert.Equal(1, withoutCredentials.Exit); // D18: missing admin rights are a refusal (exit 1), as the README says
        Assert.Contains("--admin-token", withoutCredentials.Stderr);
        Assert.Contains("_REACTOR_PIPELINES_ADMIN_TOKEN_KEY", withoutCredentials.Stderr);
        // A key and secret of the caller's own choosing give no admin rights (nor does a token made from them).
        Assert.Equal(1, callerChosenKey.Exit);
        Assert.Equal(1, tokenOfOwnKey.Exit);
        Assert.Contains("administrative token", tokenOfOwnKey.Stderr);
        Assert.Equal(1, tokenWithoutConfiguredKey.Exit);
        Assert.Equal(0, reset.Exit);
        Assert.Equal("RESET", (string?)JsonNode.Parse(reset.Stdout)!["state"]);
        Assert.Equal(0, ready.Exit);
        Assert.Equal("CREATED", (string?)JsonNode.Parse(ready.Stdout)!["state"]);
        Assert.Equal(0, delete.Exit);
        Assert.Equal(1, gone.Exit);
        foreach (var run in new[] { withoutCredentials, tokenOfOwnKey, tokenWithoutConfiguredKey, reset, ready, delete })
        {
            Assert.DoesNotContain(TestJobs.AdminSecret, run.Stdout + run.Stderr);
        }
    }

    [Fact]
    public void Pipelines_are_added_and_listed()
    {
        var add = ToolProcess.Run("pipelines", "add", "--uuid", "10650844-1baa-55c5-a481-5e945b19c065", "--name", "Tacobot", "--db", _file);
        var badUuid = ToolProcess.Run("pipelines", "add", "--uuid", "107653ca-020f-5f03-9663-41cff415b087", "--db", _file);
        var list = ToolProcess.Run("pipelines", "list", "--db", _file, "--json");
        var text = ToolProcess.Run("pipelines", "list", "--db", _file);

        Assert.Equal(0, add.Exit);
        Assert.Equal(2, badUuid.Exit);
        Assert.Contains("prefix 106", badUuid.Stderr);
        Assert.Equal("""[{"uuid":"10650844-1baa-55c5-a481-5e945b19c065","name":"Tacobot"}]""", JsonNode.Parse(list.Stdout)!.ToJsonString());
        Assert.Contains("10650844-1baa-55c5-a481-5e945b19c065  Tacobot", text.Stdout);
    }

    [Fact]
    public async Task Serve_prints_its_url_and_applies_an_agave_notification_sequence_that_show_displays()
    {
        var job = await NewJobAsync();
        using var serve = Process.Start(ToolProcess.StartInfo(null,
            ["serve", "--urls", "http://127.0.0.1:0", "--manager-id", "jobs-manager.test", "--nonce", "TEST-TENANT_nonce1", "--db", _file]))!;
        try
        {
            var line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(line);
            Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", line);
            using var http = new HttpClient { BaseAddress = new Uri(line!["listening on ".Length..]) };
            var callback = $"/actors/v2/jobs-manager.test/messages?x-nonce=TEST-TENANT_nonce1&token={job.CallbackToken.Reveal()}&uuid={job.Uuid}";

            var statuses = new List<int>();
            foreach (var status in new[] { "RUNNING", "FINISHED", "FAILED" })
            {
                var response = await http.PostAsync(callback + "&status=" + status, new StringContent($$"""{"appId":"a-1.0","status":"{{status}}"}""", System.Text.Encoding.UTF8, "application/json"));
                statuses.Add((int)response.StatusCode);
            }

            Assert.Equal([200, 200, 409], statuses);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        var show = ToolProcess.Run("show", job.Uuid, "--db", _file);
        Assert.Equal(0, show.Exit);
        Assert.Contains("state         FINISHED", show.Stdout);
        Assert.Contains("""{"status":"FINISHED"}""", show.Stdout);
        Assert.Matches(@"Z +run +\{""appId"":""a-1.0"",""status"":""RUNNING""\}", show.Stdout);
    }

    [Fact]
    public async Task Actor_mode_applies_a_python_literal_message_and_exits_0_or_1()
    {
        var job = await NewJobAsync();
        var environment = new Dictionary<string, string>
        {
            ["_abaco_actor_id"] = "jobs-manager.test",
            ["_abaco_execution_id"] = "exec1",
            ["_abaco_Content_Type"] = "application/json",
            ["MSG"] = $"{{'uuid': '{job.Uuid}', 'name': 'run', 'data': {{'retried': False, 'note': None}}}}",
            ["token"] = job.CallbackToken.Reveal(),
        };

        var applied = ToolProcess.Run(environment, "actor", "--db", _file);
        var refused = ToolProcess.Run(new Dictionary<string, string>(environment) { ["MSG"] = $"{{'uuid': '{job.Uuid}', 'name': 'finish', 'token': '0123456789abcdef'}}" }, "actor", "--db", _file);
        var unusable = ToolProcess.Run(new Dictionary<string, string>(environment) { ["MSG"] = "{'name': 'run'}" }, "actor", "--db", _file);

        Assert.Equal(0, applied.Exit);
        Assert.Contains("is RUNNING after 'run'", applied.Stdout);
        Assert.Equal(1, refused.Exit);
        Assert.Equal(1, unusable.Exit);
        Assert.Contains("missing uuid", unusable.Stderr);
        var stored = await ReadAsync(job.Uuid);
        Assert.Equal(JobState.Running, stored.State);
        Assert.Equal("""{"retried":false,"note":null}""", stored.History[^1].Data!.ToJsonString());
    }

    [Fact]
    public void Serve_with_a_broken_config_file_exits_2_naming_the_file_and_line()
    {
        var config = Path.Combine(Path.GetTempPath(), $"pipelinesdk-broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(config, "pipelines:\n  job_manager_id: jobs-manager\n  nonce: [unclosed\n");
        try
        {
            var (exit, stdout, stderr) = ToolProcess.Run("serve", "--urls", "http://127.0.0.1:0", "--db", _file, "--config", config);

            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.StartsWith("error: ", stderr);
            Assert.Contains(Path.GetFileName(config), stderr);
            Assert.Contains("line", stderr);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void Serve_without_a_manager_id_stops_at_start_naming_the_setting_and_listens_nowhere()
    {
        var (exit, stdout, stderr) = ToolProcess.Run("serve", "--urls", "http://127.0.0.1:0", "--db", _file);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("ManagerIds: give at least one jobs-manager id (pipelines.job_manager_id)", stderr);
    }
}
