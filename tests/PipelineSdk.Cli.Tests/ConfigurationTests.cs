namespace PipelineSdk.Cli.Tests;

/// <summary>
/// The operator verbs read the configuration as a reactor does: config.yml (here with <c>--config</c>) and every
/// <c>_REACTOR_*</c> override of the schema; <c>--mongo</c> and <c>--db</c> only replace the store.
/// </summary>
public sealed class ConfigurationTests : IDisposable
{
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-cli-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("_REACTOR_PIPELINESDK_JOBS_DB")]
    [InlineData("_REACTOR_PIPELINESDK__JOBS_DB")]
    [InlineData("_reactor_pipelinesdk_jobs_db")]
    public void The_embedded_file_comes_from_an_override_in_either_form(string variable)
    {
        var file = Path.Combine(_folder, "from-env.sqlite");

        var (exit, _, stderr) = CliRunner.Run(["pipelines", "add", "--uuid", Pipeline], environment: new Dictionary<string, string> { [variable] = file });

        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void Db_replaces_the_configured_file_and_the_configured_mongodb_section()
    {
        var config = Write("config.yml", $"pipelinesdk:\n  jobs_db: {Path.Combine(_folder, "configured.sqlite")}\nmongodb:\n  host: 127.0.0.1\n  port: 1\n");
        var file = Path.Combine(_folder, "given.sqlite");

        var (exit, _, stderr) = CliRunner.Run(["pipelines", "add", "--uuid", Pipeline, "--config", config, "--db", file]);

        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(Path.Combine(_folder, "configured.sqlite")));
    }

    [Fact]
    public void The_configured_file_is_used_without_an_option()
    {
        var config = Write("config.yml", $"pipelinesdk:\n  jobs_db: {Path.Combine(_folder, "configured.sqlite")}\n");

        var add = CliRunner.Run(["pipelines", "add", "--uuid", Pipeline, "--config", config]);
        var list = CliRunner.Run(["pipelines", "list", "--config", config, "--json"]);

        Assert.True(add.Exit == 0, add.Stderr);
        Assert.Contains(Pipeline, list.Stdout);
        Assert.True(File.Exists(Path.Combine(_folder, "configured.sqlite")));
    }

    [Fact]
    public void Create_takes_owner_project_and_tenant_from_options_over_the_config_and_without_USER()
    {
        var config = Write("config.yml", $"pipelinesdk:\n  jobs_db: {Path.Combine(_folder, "owner.sqlite")}\n  owner: configured\n  tenant: tacc\n");
        CliRunner.Run(["pipelines", "add", "--uuid", Pipeline, "--config", config]);

        var configured = CliRunner.Run(["create", "--pipeline", Pipeline, "--session", "a-b", "--config", config, "--json"]);
        var given = CliRunner.Run(["create", "--pipeline", Pipeline, "--data", """{"n":2}""", "--owner", "sd2eadm", "--project", "P", "--config", config, "--json"]);
        var configuredJob = System.Text.Json.Nodes.JsonNode.Parse(configured.Stdout)!["uuid"]!.GetValue<string>();
        var givenJob = System.Text.Json.Nodes.JsonNode.Parse(given.Stdout)!["uuid"]!.GetValue<string>();
        var shownConfigured = System.Text.Json.Nodes.JsonNode.Parse(CliRunner.Run(["show", configuredJob, "--config", config, "--json"]).Stdout)!["_admin"]!;
        var shownGiven = System.Text.Json.Nodes.JsonNode.Parse(CliRunner.Run(["show", givenJob, "--config", config, "--json"]).Stdout)!["_admin"]!;

        Assert.Equal("""{"owner":"configured","project":"SD2E-Community","tenant":"tacc"}""", shownConfigured.ToJsonString());
        Assert.Equal("""{"owner":"sd2eadm","project":"P","tenant":"tacc"}""", shownGiven.ToJsonString());
    }

    [Theory]
    [InlineData("_REACTOR_PIPELINES_NOT_A_KEY", "x", "_REACTOR_PIPELINES_NOT_A_KEY overrides no declared configuration key")]
    [InlineData("_REACTOR_PIPELINESDK_STORE_TIMEOUT", "soon", "_REACTOR_PIPELINESDK_STORE_TIMEOUT (key pipelinesdk:store_timeout, declared Integer): 'soon' is not an integer")]
    [InlineData("_REACTOR_PIPELINESDK_STORE_TIMEOUT", "0", "pipelinesdk:store_timeout")]
    [InlineData("_REACTOR_PIPELINES_TOKEN_POLICY", "lenient", "pipelines:token_policy")]
    [InlineData("_REACTOR_MONGODB_PORT", "70000", "mongodb:port")]
    public void A_bad_override_is_one_line_naming_the_variable_or_key_and_exit_2(string variable, string value, string named)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["pipelines", "list"], environment: new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: configuration: ", line);
        Assert.Contains(named, line);
    }

    [Fact]
    public void Mongo_and_db_together_or_a_bad_mongo_uri_are_usage_errors_that_never_echo_the_uri()
    {
        var both = CliRunner.Run(["list", "--mongo", "mongodb://127.0.0.1/catalog", "--db", Path.Combine(_folder, "x.sqlite")]);
        var bad = CliRunner.Run(["list", "--mongo", "http://u:hunter2@x"]);

        Assert.Equal(2, both.Exit);
        Assert.Contains("--mongo or --db, not both", both.Stderr);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--mongo is not a valid MongoDB connection URI", bad.Stderr);
        Assert.DoesNotContain("hunter2", bad.Stderr);
    }

    [Fact]
    public void An_admin_key_without_its_secret_names_the_missing_key()
    {
        var (exit, _, stderr) = CliRunner.Run(["list", "--db", Path.Combine(_folder, "a.sqlite")],
            environment: new Dictionary<string, string> { ["_REACTOR_PIPELINES_ADMIN_TOKEN_KEY"] = "hunter2-key" });

        Assert.Equal(2, exit);
        Assert.Contains("pipelines:admin_token_secret is missing", stderr);
        Assert.DoesNotContain("hunter2", stderr);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
