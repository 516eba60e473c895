namespace PipelineSdk.Cli.Tests;

public class BadInputTests
{
    [Theory]
    [InlineData(new[] { "uuid", "--type", "spaceship", "--text", "x" }, "--type")]
    [InlineData(new[] { "uuid", "--text", "x" }, "--type")]
    [InlineData(new[] { "hashid", "not-a-uuid" }, "UUID")]
    [InlineData(new[] { "job-uuid", "--pipeline", "10650844-1baa-55c5-a481-5e945b19c065", "--data", "{oops" }, "--data")]
    [InlineData(new[] { "job-uuid", "--pipeline", "10650844-1baa-55c5-a481-5e945b19c065", "--data", "[1,2]" }, "--data")]
    [InlineData(new[] { "job-uuid", "--pipeline", "nope" }, "--pipeline")]
    [InlineData(new[] { "job-uuid", "--pipeline", "10650844-1baa-55c5-a481-5e945b19c065", "--child-of", "999edd93-29d6-5483-b60b-8dfd4d094b9c" }, "--child-of")]
    [InlineData(new[] { "archive-path", "--pipeline", "10650844-1baa-55c5-a481-5e945b19c065", "--session", "abcd" }, "--session")]
    [InlineData(new[] { "archive-path", "--pipeline", "10650844-1baa-55c5-a481-5e945b19c065", "--instanced", "--at", "yesterday" }, "--at")]
    [InlineData(new[] { "token", "--salt", "s", "--uuid", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "--owner", "o", "--project", "p" }, "--tenant")]
    [InlineData(new[] { "admin-token", "--key", "k", "--lifetime", "0" }, "--lifetime")]
    [InlineData(new[] { "admin-token", "--key", "k", "--at", "noon" }, "--at")]
    [InlineData(new[] { "uuid", "--type" }, "--type")]
    [InlineData(new[] { "uuid", "--colour", "red" }, "--colour")]
    [InlineData(new[] { "teleport" }, "teleport")]
    public void Bad_input_is_one_line_on_stderr_naming_the_argument_and_exit_2(string[] args, string named)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(named, line);
    }

    [Fact]
    public void Admin_token_without_the_secret_variable_names_the_variable()
    {
        var (exit, _, stderr) = CliRunner.Run(["admin-token", "--key", "test-key"], withSecret: false);
        Assert.Equal(2, exit);
        Assert.Contains("PIPELINESDK_ADMIN_TOKEN_SECRET", stderr);
    }

    [Fact]
    public void Errors_never_echo_the_admin_secret()
    {
        var (_, _, stderr) = CliRunner.Run(["admin-token", "--key", "k", "--lifetime", "-5"]);
        Assert.DoesNotContain(CliRunner.AdminSecret, stderr);
    }

    [Fact]
    public void No_arguments_prints_usage_and_exits_2()
    {
        var (exit, _, stderr) = CliRunner.Run([]);
        Assert.Equal(2, exit);
        Assert.Contains("job-uuid", stderr);
    }
}
