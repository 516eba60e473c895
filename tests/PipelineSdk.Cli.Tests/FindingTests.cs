namespace PipelineSdk.Cli.Tests;

/// <summary>The command-line parsing findings of the hostile-input probe, each reproduced (ids in the comments).</summary>
public sealed class FindingTests : IDisposable
{
    private const string Pipeline = "10650844-1baa-55c5-a481-5e945b19c065";
    private readonly TempStoreFile _store = new("findings");

    public void Dispose() => _store.Dispose();

    private string Db => _store.Path;

    private static void AssertUsageError((int Exit, string Stdout, string Stderr) result, string expected)
    {
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }

    private static string BatchLine(string verb, string line)
    {
        var (exit, stdout, _) = CliRunner.Run([verb, "--batch"], line + "\n{\"type\":\"generic\",\"text\":\"\"}\n");
        Assert.Equal(1, exit);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        return lines[0];
    }

    // D3: duplicate JSON keys in --data, --archive-patterns and batch lines are refused, not a crash.
    [Fact]
    public void D3_duplicate_keys_are_refused()
    {
        AssertUsageError(CliRunner.Run(["job-uuid", "--pipeline", Pipeline, "--data", """{"a":1,"a":2}"""]), "the key appears twice in its object at JSON pointer '/a'");
        AssertUsageError(CliRunner.Run(["create", "--pipeline", Pipeline, "--archive-patterns", """[{"level":"1","level":"2"}]""", "--db", "/nonexistent/x.db"]), "--archive-patterns");
        var line = BatchLine("uuid", """{"type":"file","type":"file","text":"x"}""");
        Assert.StartsWith("error: line 1: ", line);
        Assert.Contains("the key appears twice in its object at JSON pointer '/type'", line);
    }

    // D4: a lone surrogate escape in a batch line fails that line only.
    [Fact]
    public void D4_lone_surrogates_in_batch_lines_fail_the_line()
    {
        var line = BatchLine("uuid", """{"type":"file","text":"\udc00"}""");
        Assert.StartsWith("error: line 1: the line: the string escapes a lone UTF-16 surrogate at JSON pointer '/text'", line);
        Assert.StartsWith("error: line 1: ", BatchLine("uuid", """{"type":"file","text":"\ud800x"}"""));
    }

    // D5: NUL in an object key is refused where it is.
    [Fact]
    public void D5_nul_in_a_key_is_refused()
    {
        AssertUsageError(CliRunner.Run(["job-uuid", "--pipeline", Pipeline, "--data", "{\"k\\u0000\":1}"]), "a key contains the NUL character");
        AssertUsageError(CliRunner.Run(["job-uuid", "--pipeline", Pipeline, "--data", "{\"a\":{\"k\\u0000\":1}}"]), "at JSON pointer '/a/");
    }

    // D6: admin-token --at outside the years 1 to 9999 is refused.
    [Theory]
    [InlineData("253402300800")]
    [InlineData("-62135596801")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("9223372036854775808")]
    public void D6_admin_token_at_out_of_range_is_refused(string at) =>
        AssertUsageError(CliRunner.Run(["admin-token", "--key", "k", "--at", at]), "--at must be");

    // D12: serve limits beyond 32 bits are refused, never wrapped.
    [Theory]
    [InlineData("--rate-limit", "4294967296")]
    [InlineData("--max-body-bytes", "4294967396")]
    [InlineData("--rate-limit", "-1")]
    [InlineData("--max-body-bytes", "2147483648")]
    public void D12_serve_limits_out_of_range_are_refused(string option, string value) =>
        AssertUsageError(CliRunner.Run(["serve", option, value, "--db", "/nonexistent/x.db"]), $"{option} must be between 0 and 2147483647");

    // D13: serve listens only where it was told: a host name or an empty URL is refused.
    [Theory]
    [InlineData("http://no.such.host.invalid:5000", "is not localhost or an IP address")]
    [InlineData("", "is not a valid http")]
    [InlineData("notaurl", "is not a valid http")]
    [InlineData("http://127.0.0.1:65536", "is not a valid http")]
    [InlineData("ftp://127.0.0.1:21", "is not a valid http")]
    [InlineData("http://127.0.0.1:5000/path", "scheme, host and port only")]
    public void D13_serve_urls_must_be_loopback_or_an_address(string url, string expected)
    {
        AssertUsageError(CliRunner.Run(["serve", "--urls", url, "--db", Db]), expected);
        Assert.False(File.Exists(Db)); // refused before the store is opened
    }

    // D7: bad --db paths gave stack traces, and one bad db in a batch line stopped the batch. Each is one line now,
    // exit 1 or 2, and the batch goes on.
    [Theory]
    [InlineData("list")]
    [InlineData("pipelines add --uuid " + Pipeline)]
    [InlineData("create --pipeline " + Pipeline + " --owner alice")]
    public void D7_bad_db_paths_are_one_line_without_a_stack_trace(string verb)
    {
        var folder = Directory.CreateTempSubdirectory("pipelinesdk-d7-").FullName;
        try
        {
            foreach (var db in new[] { folder, "", "/dev/null", "/proc/cpuinfo", Path.Combine(folder, "no", "such", "folder.sqlite") })
            {
                var (exit, _, stderr) = CliRunner.Run([.. verb.Split(' '), "--db", db]);
                Assert.InRange(exit, 0, 2);
                Assert.DoesNotContain("   at ", stderr);
                Assert.True(stderr.Length == 0 || Assert.Single(stderr.TrimEnd('\n').Split('\n')).StartsWith("error: ", StringComparison.Ordinal), stderr);
                Assert.True(exit == 0 || stderr.Length > 0, $"--db '{db}' failed silently");
            }

            Assert.NotEqual(0, CliRunner.Run([.. verb.Split(' '), "--db", folder]).Exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // D7 in a batch: a line naming a folder as its db fails that line only.
    [Fact]
    public void D7_a_bad_db_in_a_batch_line_fails_that_line_only()
    {
        var folder = Directory.CreateTempSubdirectory("pipelinesdk-d7-").FullName;
        try
        {
            var lines = $"{{\"uuid\":\"{Pipeline}\",\"db\":{System.Text.Json.JsonSerializer.Serialize(folder)}}}\n{{\"uuid\":\"{Pipeline}\",\"db\":{System.Text.Json.JsonSerializer.Serialize(Db)}}}\n";
            var (exit, stdout, _) = CliRunner.Run(["pipelines", "add", "--batch"], lines);

            Assert.Equal(1, exit);
            var output = stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(2, output.Length);
            Assert.StartsWith("error: line 1: ", output[0]);
            Assert.DoesNotContain("error", output[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // D8: a port already in use ended in "Hosting failed to start" with a stack trace; it is one line naming the address.
    [Fact]
    public void D8_serve_on_a_port_in_use_is_one_line_naming_the_address()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        AssertUsageError(CliRunner.Run(["serve", "--urls", url, "--manager-id", "jobs-manager.test", "--db", Db]), $"--urls: Failed to bind to address {url}: address already in use.");
    }

    // D18: missing admin rights are a refusal, exit 1 (the README's contract).
    [Fact]
    public void D18_missing_admin_rights_exit_1()
    {
        var (exit, stdout, stderr) = CliRunner.Run(["reset", "107653ca-020f-5f03-9663-41cff415b087", "--db", Db], withSecret: false);
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--admin-token", stderr);
    }

    // D19: messages say what is wrong, and a huge argument is quoted by its start and length only.
    [Fact]
    public void D19_messages_name_the_real_problem()
    {
        AssertUsageError(CliRunner.Run(["pipelines", "frob"]), "unknown verb 'frob' for 'pipelinejobs pipelines'");
        AssertUsageError(CliRunner.Run(["send", "update", "extra"]), "unexpected argument 'extra' for 'pipelinejobs send'");
        AssertUsageError(CliRunner.Run(["send", "create", "--uuid", "107653ca-020f-5f03-9663-41cff415b087", "--db", Db]), "a job is created with 'pipelinejobs create'");

        var huge = new string('x', 120_000);
        foreach (var args in new[] { ["hashid", huge], ["uuid", "--type", huge, "--text", "t"], ["job-uuid", "--pipeline", huge], new[] { huge } })
        {
            var (exit, _, stderr) = CliRunner.Run(args);
            Assert.Equal(2, exit);
            Assert.True(stderr.Length < 1000, $"{stderr.Length} characters of error for {args[0][..Math.Min(10, args[0].Length)]}");
            Assert.Contains("(120000 characters)", stderr);
        }
    }

    // D21: text that is not valid UTF-8 (read as U+FFFD) or holds a lone surrogate is refused; a BOM starts a line.
    [Fact]
    public void D21_invalid_utf8_is_refused_and_a_bom_is_skipped()
    {
        AssertUsageError(CliRunner.Run(["uuid", "--type", "file", "--text", "a\uFFFDb"]), "argument 5 is not valid UTF-8");
        AssertUsageError(CliRunner.Run(["uuid", "--type", "file", "--text", "a\ud800b"]), "argument 5 is not valid UTF-8");

        var (exit, stdout, _) = CliRunner.Run(["uuid", "--batch"], "\uFEFF{\"type\":\"generic\",\"text\":\"\"}\n{\"type\":\"generic\",\"text\":\"\uFFFD\"}\n");
        Assert.Equal(1, exit);
        Assert.Equal("1001a831-ce4e-56c7-954b-43d740ea56f4\nerror: line 2: the line is not valid UTF-8 (or holds U+FFFD)\n", stdout); // Python typed_uuid('', 'generic')
    }
}
