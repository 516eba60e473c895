namespace PipelineSdk.Cli.Tests;

/// <summary>The command line as System.CommandLine gives it: help, version, --opt=value, suggestions, completions.</summary>
public class CommandLineTests
{
    private static readonly string[] Verbs =
        ["uuid", "hashid", "job-uuid", "archive-path", "token", "admin-token", "create", "send", "show", "history", "list",
         "reset", "ready", "delete", "pipelines", "serve", "actor"];

    [Fact]
    public void Root_help_lists_every_verb_and_the_exit_codes()
    {
        var (exit, stdout, stderr) = CliRunner.Run(["--help"]);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        foreach (var verb in Verbs)
        {
            Assert.Matches($@"(?m)^  {verb}\b", stdout);
        }

        Assert.Contains("0 done, 1 refused, 2 usage error", stdout);
    }

    [Theory]
    [InlineData("create", "--pipeline <UUID>", "--child-of <UUID>", "--batch")]
    [InlineData("show", "<UUID>", "--db <FILE>", "--json")]
    [InlineData("admin-token", "--key <KEY>", "--at <UNIX_SECONDS>", "(required)")]
    [InlineData("job-uuid", "de-duplicated", "--data <JSON>", "--child-of <UUID>")]
    public void Every_verb_has_its_own_help(string verb, string first, string second, string third)
    {
        var (exit, stdout, stderr) = CliRunner.Run([verb, "--help"]);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains($"pipelinejobs {verb}", stdout.ReplaceLineEndings(" "));
        Assert.Contains(first, stdout);
        Assert.Contains(second, stdout);
        Assert.Contains(third, stdout);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("actor")]
    public void Serve_and_actor_do_not_offer_batch(string verb)
    {
        var (exit, stdout, _) = CliRunner.Run([verb, "--help"]);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("--batch", stdout);
        Assert.Equal(2, CliRunner.Run([verb, "--batch"]).Exit);
    }

    [Fact]
    public void Pipelines_group_lists_its_verbs()
    {
        var (exit, stdout, _) = CliRunner.Run(["pipelines", "--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("add", stdout);
        Assert.Contains("list", stdout);
    }

    [Fact]
    public void Version_prints_the_package_version()
    {
        var (exit, stdout, _) = CliRunner.Run(["--version"]);
        Assert.Equal(0, exit);
        Assert.StartsWith("0.1.0", stdout);
    }

    [Fact]
    public void Options_take_the_equals_form()
    {
        var (exit, stdout, stderr) = CliRunner.Run(["job-uuid", "--pipeline=10650844-1baa-55c5-a481-5e945b19c065",
            "--child-of=102edd93-29d6-5483-b60b-8dfd4d094b9c", """--data={"example_data":"datadata"}"""]);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        Assert.Equal("107653ca-020f-5f03-9663-41cff415b087\n", stdout); // the Python original's test vector
    }

    [Theory]
    [InlineData(new[] { "crate" }, "did you mean 'create'?")]
    [InlineData(new[] { "hashd", "x" }, "did you mean 'hashid'?")]
    [InlineData(new[] { "job-uuid", "--pipline", "x" }, "did you mean '--pipeline'?")]
    [InlineData(new[] { "pipelines", "ad" }, "did you mean 'add'?")]
    public void Typos_get_a_suggestion(string[] args, string suggestion)
    {
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(suggestion, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_missing_positional_is_named_as_the_usage_shows_it()
    {
        var (exit, _, stderr) = CliRunner.Run(["show"]);
        Assert.Equal(2, exit);
        Assert.Equal("error: missing UUID: pipelinejobs show <UUID> (or --batch with \"uuid\" on each line)\n", stderr);
    }

    [Fact]
    public void Completions_come_from_the_suggest_directive()
    {
        var (exit, stdout, _) = CliRunner.Run(["[suggest]", "cre"]);
        Assert.Equal(0, exit);
        Assert.Equal("create\n", stdout);

        // What a shell's completion script sends: the cursor position and the whole line.
        var options = CliRunner.Run(["[suggest:13]", "job-uuid --ch"]).Stdout;
        Assert.Contains("--child-of", options);
    }

    [Fact]
    public void Response_files_are_not_expanded()
    {
        // "@name" is a value like any other, never a file to read arguments from.
        var (exit, _, stderr) = CliRunner.Run(["hashid", "@/etc/passwd"]);
        Assert.Equal(2, exit);
        Assert.Contains("'@/etc/passwd' is not a UUID", stderr);
    }
}
