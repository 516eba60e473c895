using System.Text.Json.Nodes;

namespace PipelineSdk.Cli.Tests;

/// <summary>What the operator verbs print, against a real embedded store file.</summary>
public sealed class OutputTests : IDisposable
{
    // create takes the job's owner from the environment, as a reactor does.
    private static readonly Dictionary<string, string> Owner = new() { ["TACC_USERNAME"] = "sd2eadm" };
    private const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    private readonly TempStoreFile _store = new("output");

    public void Dispose() => _store.Dispose();

    private string Db => _store.Path;

    private JsonObject CreateJob()
    {
        Assert.Equal(0, CliRunner.Run(Owner, ["pipelines", "add", "--uuid", Pipeline, "--db", Db]).Exit);
        var (exit, stdout, stderr) = CliRunner.Run(Owner, ["create", "--pipeline", Pipeline, "--data", """{"q":"a&b 'c'"}""",
            "--api-server", "http://127.0.0.1:5080", "--manager-id", "jobs-manager.test", "--nonce", "TEST_nonce1", "--db", Db, "--json"]);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        return JsonNode.Parse(stdout)!.AsObject();
    }

    [Fact]
    public void Json_output_keeps_ampersands_and_quotes_and_stays_valid_json()
    {
        var (exit, stdout, _) = CliRunner.Run(Owner, ["create", "--pipeline", Pipeline, "--db", Db]);
        Assert.Equal(1, exit); // the pipeline is not registered yet
        Assert.Equal("", stdout);

        var created = CreateJob();
        var callback = (string)created["callback"]!;
        Assert.Contains("&token=", callback);

        var show = CliRunner.Run(Owner, ["show", (string)created["uuid"]!, "--db", Db, "--json"]).Stdout;
        Assert.DoesNotContain("\\u0026", show);
        Assert.DoesNotContain("\\u0027", show);
        Assert.Contains("a&b 'c'", show);
        Assert.Equal("a&b 'c'", (string)JsonNode.Parse(show)!["data"]!["q"]!);
    }

    [Fact]
    public void Tables_have_no_trailing_spaces()
    {
        var created = CreateJob();
        var history = CliRunner.Run(Owner, ["history", (string)created["uuid"]!, "--db", Db]).Stdout;
        var pipelines = CliRunner.Run(Owner, ["pipelines", "list", "--db", Db]).Stdout; // the pipeline has no name: an empty last cell
        var list = CliRunner.Run(Owner, ["list", "--db", Db]).Stdout;

        Assert.Contains("""{"q":"a&b 'c'"}""", history);
        foreach (var line in (history + pipelines + list).Split('\n'))
        {
            Assert.Equal(line.TrimEnd(), line);
        }

        Assert.Contains(Pipeline + "\n", pipelines);
    }

    [Fact]
    public void Batch_prints_exactly_one_line_per_input_line_in_plain_and_json_modes()
    {
        CreateJob();
        var input = $$"""
            {"pipeline":"{{Pipeline}}","data":{"n":1},"db":"{{Db}}"}
            {"pipeline":"{{Pipeline}}","data":{"n":1,"n":2},"db":"{{Db}}"}

            {"pipeline":"{{Pipeline}}","data":{"n":2},"api_server":"http://127.0.0.1:5080","manager_id":"m","nonce":"n","db":"{{Db}}"}
            """;
        foreach (var json in new[] { false, true })
        {
            var (exit, stdout, _) = CliRunner.Run(Owner, json ? ["create", "--batch", "--json"] : ["create", "--batch"], input);
            Assert.Equal(1, exit);
            var lines = stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(4, lines.Length);
            Assert.Equal("created", JsonNode.Parse(lines[0])!["state"]!.GetValue<string>().ToLowerInvariant());
            Assert.StartsWith("error: line 2: ", lines[1]);
            Assert.StartsWith("error: line 3: ", lines[2]);
            Assert.Contains("&token=", (string)JsonNode.Parse(lines[3])!["callback"]!);
        }
    }
}
