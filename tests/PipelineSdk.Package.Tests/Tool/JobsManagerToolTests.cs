using System.Text;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Package.Tests.Tool;

/// <summary>
/// The installed <c>pipelinejobs</c> tool deployed the way Abaco runs the jobs-manager: config.yml in the working
/// directory, the deployment's secrets as <c>_REACTOR_*</c> variables, <c>MSG</c> as Python text, no <c>--mongo</c>,
/// no <c>USER</c>.
/// </summary>
[Collection(MongoCollection.Name)]
public sealed class JobsManagerToolTests(CongoServerFixture wire, InstalledTool tool) : IClassFixture<InstalledTool>, IAsyncLifetime
{
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    private readonly string _database = "psdk_tool_" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => wire.Client.DropDatabaseAsync(_database);

    [Fact]
    public async Task The_actor_reads_config_yml_and_every_kind_of_REACTOR_override_and_applies_a_python_2_message()
    {
        var work = tool.NewWorkingDirectory();
        // The mongodb section names the database; the connection itself is the deployment's secret.
        File.WriteAllText(Path.Combine(work, "config.yml"), $"""
            pipelines:
              job_manager_id: jobs-manager.test
              token_policy: enforce
            mongodb:
              database: {_database}
            logs:
              level: DEBUG
            """);
        var deployment = new Dictionary<string, string>
        {
            ["_REACTOR_MONGODB_AUTHN"] = Base64Url(wire.ConnectionString),
            ["_REACTOR_MONGODB_PORT"] = "27017",
            ["_REACTOR_LOGS_LEVEL"] = "INFO",
            ["_REACTOR_TEMP"] = "/mnt/ephemeral-01",
        };

        var add = tool.Run(work, deployment, "pipelines", "add", "--uuid", Pipeline);
        var create = tool.Run(work, deployment, "create", "--pipeline", Pipeline, "--owner", "sd2eadm", "--data", """{"sample":"a"}""", "--json");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.True(create.ExitCode == 0, create.ToString());
        var job = JsonNode.Parse(create.Stdout)!;
        var uuid = (string)job["uuid"]!;

        // Abaco's execution: MSG as Docker's str() of a Python 2 dict, with a stale token.
        var execution = new Dictionary<string, string>(deployment)
        {
            ["_abaco_actor_id"] = "jobs-manager.test",
            ["_abaco_execution_id"] = "kGqWBz3Pm6Pwz",
            ["_abaco_username"] = "jdoe",
            ["_abaco_Content_Type"] = "application/json",
            ["MSG"] = $"{{u'uuid': u'{uuid}', u'name': u'run', u'token': u'0123456789abcdef', u'data': {{u'note': u'caf\\xe9'}}}}",
        };
        var enforced = tool.Run(work, execution, "actor");
        var permissive = tool.Run(work, new Dictionary<string, string>(execution) { ["_REACTOR_PIPELINES_TOKEN_POLICY"] = "permissive" }, "actor");
        var show = tool.Run(work, deployment, "show", uuid, "--json");

        Assert.Equal(1, enforced.ExitCode);
        Assert.Single(enforced.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("token", enforced.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.True(permissive.ExitCode == 0, permissive.ToString());
        Assert.Contains($"Job {uuid} is RUNNING after 'run'", permissive.Stdout, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal("RUNNING", (string?)JsonNode.Parse(show.Stdout)!["state"]);

        // The store was the wire server's database named in config.yml, and the job is owned by --owner.
        var stored = await wire.Client.GetDatabase(_database).GetCollection<BsonDocument>("jobs").Find(new BsonDocument("uuid", uuid)).SingleAsync();
        Assert.Equal("sd2eadm", stored["_admin"]["owner"].AsString);
        Assert.Equal(["create", "run"], stored["history"].AsBsonArray.Select(entry => entry["name"].AsString));
        Assert.Equal("café", stored["history"][1]["data"]["note"].AsString);
        Assert.False(File.Exists(Path.Combine(work, "jobs.sqlite")));
    }

    [Fact]
    public void The_quick_path_without_USER_names_the_owner_with_create_owner_and_uses_the_default_embedded_file()
    {
        var work = tool.NewWorkingDirectory();
        var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
        // A fresh home without ~/.local/share, as in a new container.
        var environment = new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share") };

        var add = tool.Run(work, environment, "pipelines", "add", "--uuid", Pipeline, "--name", "demo");
        var ownerless = tool.Run(work, environment, "create", "--pipeline", Pipeline);
        var create = tool.Run(work, environment, "create", "--pipeline", Pipeline, "--owner", "sd2eadm", "--project", "Demo-Project", "--json");
        Assert.True(create.ExitCode == 0, create.ToString());
        var job = JsonNode.Parse(create.Stdout)!;
        var send = tool.Run(work, environment, "send", "run", "--uuid", (string)job["uuid"]!, "--token", (string)job["token"]!, "--json");
        var show = tool.Run(work, environment, "show", (string)job["uuid"]!, "--json");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal(2, ownerless.ExitCode);
        Assert.Contains("owner is unknown", ownerless.Stderr, StringComparison.Ordinal);
        Assert.Contains("pipelinesdk.owner", ownerless.Stderr, StringComparison.Ordinal);
        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.Equal("RUNNING", (string?)JsonNode.Parse(send.Stdout)!["state"]);
        var shown = JsonNode.Parse(show.Stdout)!;
        Assert.Equal("sd2eadm", (string?)shown["_admin"]!["owner"]);
        Assert.Equal("Demo-Project", (string?)shown["_admin"]!["project"]);
        Assert.Equal("sd2e", (string?)shown["_admin"]!["tenant"]);
        Assert.True(File.Exists(Path.Combine(home, ".local", "share", "pipelinesdk", "jobs.sqlite")));
    }

    [Fact]
    public void An_unreachable_mongodb_host_fails_within_the_store_timeout_with_one_line_naming_the_host()
    {
        var work = tool.NewWorkingDirectory();
        var port = ClosedPort();
        File.WriteAllText(Path.Combine(work, "config.yml"), $"""
            mongodb:
              host: 127.0.0.1
              port: {port}
              username: catalog
            """);
        var environment = new Dictionary<string, string>
        {
            ["_REACTOR_MONGODB_PASSWORD"] = "hunter2-password",
            ["_REACTOR_PIPELINESDK_STORE_TIMEOUT"] = "2",
            ["_abaco_actor_id"] = "jobs-manager.test",
            ["MSG"] = "{'uuid': '107596b8-25b2-557d-9702-853f0690c576', 'name': 'run', 'token': '0123456789abcdef'}",
        };

        foreach (var run in new[] { tool.Run(work, environment, "list"), tool.Run(work, environment, "actor") })
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("error: The MongoDB job store is unavailable", line, StringComparison.Ordinal);
            Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
            // The bound is the configured 2 s, far below the driver's own 30 s; the margin is for process start-up.
            Assert.True(run.Elapsed < TimeSpan.FromSeconds(20), $"took {run.Elapsed}");
        }
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
