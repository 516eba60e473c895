using System.Text;
using System.Text.RegularExpressions;

namespace PipelineSdk.Cli.Tests;

/// <summary>
/// No input crashes the CLI: seeded random argument vectors and batch lines over every verb (empty, huge, invalid
/// UTF-8 and lone-surrogate values, deep JSON, wrong JSON types, 1e999/NaN, duplicate keys, NUL keys, unknown options)
/// end in exit 0, 1 or 2 with at most one error line and never a stack trace. Findings D3, D4, D5, D6, D12, D19, D21
/// are the general rules this checks over generated input.
/// </summary>
public sealed partial class FuzzTests : IDisposable
{
    private const int ArgumentVectors = 6_000;
    private const int BatchLines = 6_000;
    private const int LinesPerBatch = 150;

    private static readonly Dictionary<string, string[]> Verbs = new()
    {
        ["uuid"] = ["type", "text"],
        ["hashid"] = ["uuid"],
        ["job-uuid"] = ["pipeline", "child_of", "data"],
        ["archive-path"] = ["pipeline", "child_of", "data", "instanced", "session", "at"],
        ["token"] = ["salt", "uuid", "owner", "project", "tenant"],
        ["admin-token"] = ["key", "lifetime", "at", "previous"],
        ["create"] = ["pipeline", "child_of", "data", "archive_patterns", "product_patterns", "session", "instanced", "api_server", "manager_id", "nonce", "config", "json"],
        ["send"] = ["event", "uuid", "data", "token", "json"],
        ["show"] = ["uuid", "json"],
        ["history"] = ["uuid", "json"],
        ["list"] = ["state", "pipeline", "limit", "json"],
        ["reset"] = ["uuid", "data", "json"],
        ["ready"] = ["uuid", "data", "json"],
        ["delete"] = ["uuid", "soft", "json"],
        ["pipelines add"] = ["uuid", "name", "json"],
        ["pipelines list"] = ["json"],
        ["serve"] = ["urls", "manager_id", "nonce", "config", "max_body_bytes", "rate_limit"],
        ["actor"] = ["config"],
    };

    private static readonly HashSet<string> StoreVerbs =
        ["create", "send", "show", "history", "list", "reset", "ready", "delete", "pipelines add", "pipelines list", "serve", "actor"];

    private static readonly string[] Positionals = ["uuid", "event"];

    // create takes the job's owner from the environment, as a reactor does.
    private static readonly Dictionary<string, string> Owner = new() { ["TACC_USERNAME"] = "sd2eadm" };

    private readonly TempStoreFile _store = new("fuzz");
    private readonly Random _random = new(20261207);

    public void Dispose() => _store.Dispose();

    private string Db => _store.Path;

    [Fact]
    public void Generated_argument_vectors_never_crash()
    {
        var exits = new int[3];
        for (var i = 0; i < ArgumentVectors; i++)
        {
            var verb = PickVerb();
            var args = Arguments(verb);
            var (exit, stdout, stderr) = Run(verb, args);
            var shown = Show(args);
            Assert.True(exit is 0 or 1 or 2, $"exit {exit} for {shown}");
            AssertNoCrash(stderr + stdout, shown);
            if (exit != 0)
            {
                var line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
                Assert.StartsWith("error: ", line);
            }

            exits[exit]++;
        }

        // The generator reaches all three outcomes (else it tests less than it claims).
        Assert.All(exits, count => Assert.True(count > 0, string.Join(", ", exits)));
    }

    [Fact]
    public void Generated_batch_lines_never_crash_or_stop_the_batch()
    {
        var lines = 0;
        while (lines < BatchLines)
        {
            var verb = PickVerb(batch: true);
            var input = Enumerable.Range(0, LinesPerBatch).Select(_ => BatchLine(verb)).ToList();
            var json = Verbs[verb].Contains("json") && _random.Next(2) == 0;
            string[] args = [.. verb.Split(' '), "--batch", .. json ? ["--json"] : Array.Empty<string>()];
            var (exit, stdout, stderr) = CliRunner.Run(Owner, args, string.Join('\n', input) + "\n");
            Assert.True(exit is 0 or 1, $"exit {exit} for {verb} --batch: {stderr}");
            Assert.Equal("", stderr);
            AssertNoCrash(stdout, verb);
            var output = stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(input.Count, output.Length);
            for (var n = 0; n < output.Length; n++)
            {
                Assert.DoesNotContain('\r', output[n]);
                if (output[n].StartsWith("error: ", StringComparison.Ordinal))
                {
                    Assert.StartsWith($"error: line {n + 1}: ", output[n]);
                }
            }

            lines += input.Count;
        }
    }

    private (int Exit, string Stdout, string Stderr) Run(string verb, List<string> args)
    {
        if (verb != "serve")
        {
            return CliRunner.Run(Owner, [.. args]);
        }

        // A serve that starts is stopped at once: the test is about its arguments, not about serving.
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        return CliRunner.Run(Owner, [.. args], cancellationToken: stop.Token);
    }

    private static void AssertNoCrash(string output, string input)
    {
        Assert.False(StackFrame().IsMatch(output), $"stack trace for {input}: {output}");
        Assert.False(output.Contains("internal error", StringComparison.Ordinal), $"{input}: {output}");
        Assert.False(output.Contains("Unhandled exception", StringComparison.Ordinal), $"{input}: {output}");
    }

    private string PickVerb(bool batch = false)
    {
        var names = Verbs.Keys.Where(v => !batch || v is not ("serve" or "actor")).ToList();
        var verb = names[_random.Next(names.Count)];
        // serve may start a listener: keep it rare.
        return verb == "serve" && _random.Next(20) != 0 ? "uuid" : verb;
    }

    private List<string> Arguments(string verb)
    {
        var args = new List<string>(verb.Split(' '));
        var keys = Verbs[verb];
        var count = _random.Next(0, keys.Length + 3);
        for (var i = 0; i < count; i++)
        {
            switch (_random.Next(12))
            {
                case 0:
                    args.Add(Value()); // a stray positional or garbage word
                    break;
                case 1:
                    args.Add("--" + Word()); // an unknown option
                    break;
                case 2:
                    var key = keys[_random.Next(keys.Length)];
                    args.Add($"--{key.Replace('_', '-')}={Value(key)}");
                    break;
                default:
                    key = keys[_random.Next(keys.Length)];
                    if (Positionals.Contains(key) && _random.Next(2) == 0 && !args.Contains("--"))
                    {
                        args.Add(Value(key));
                    }
                    else
                    {
                        args.Add("--" + key.Replace('_', '-'));
                        if (_random.Next(10) != 0)
                        {
                            args.Add(Value(key));
                        }
                    }

                    break;
            }
        }

        if (StoreVerbs.Contains(verb))
        {
            args.AddRange(["--db", Db]);
        }

        return args;
    }

    private string BatchLine(string verb)
    {
        switch (_random.Next(20))
        {
            case 0:
                return "";
            case 1:
                return Value(); // not a JSON object, often not JSON
            case 2:
                return "\uFEFF{}";
            case 3:
                return "{\"" + Verbs[verb][0] + "\":1,\"" + Verbs[verb][0] + "\":2}";
        }

        var line = new StringBuilder("{");
        var keys = Verbs[verb];
        var count = _random.Next(0, keys.Length + 2);
        for (var i = 0; i < count; i++)
        {
            var key = _random.Next(15) == 0 ? Word() : keys[_random.Next(keys.Length)];
            line.Append(i == 0 ? "" : ",").Append(JsonString(key)).Append(':').Append(JsonValue(key, depth: 0));
        }

        if (StoreVerbs.Contains(verb))
        {
            line.Append(count == 0 ? "" : ",").Append("\"db\":").Append(JsonString(Db));
        }

        return line.Append('}').ToString();
    }

    private string JsonValue(string key, int depth) => _random.Next(14) switch
    {
        0 => "null",
        1 => _random.Next(2) == 0 ? "true" : "false",
        2 => new[] { "1e999", "-1e999", "NaN", "Infinity", "0", "-1", "4294967296", "9223372036854775808", "1.5", "1700000000" }[_random.Next(10)],
        3 => "[" + string.Join(',', Enumerable.Range(0, _random.Next(4)).Select(_ => depth < 3 ? JsonValue(key, depth + 1) : "1")) + "]",
        4 => "{" + string.Join(',', Enumerable.Range(0, _random.Next(3)).Select(_ => JsonString(Word()) + ":" + (depth < 3 ? JsonValue(key, depth + 1) : "1"))) + "}",
        5 => new string('[', 70) + new string(']', 70),
        6 => "\"\\udc00\"",
        7 => "{\"k\\u0000\":1}",
        8 => "{\"a\":1,\"a\":2}",
        _ => JsonString(Value(key)),
    };

    private string Value(string? key = null)
    {
        if (key is not null && _random.Next(3) == 0)
        {
            return Plausible(key);
        }

        return _random.Next(16) switch
        {
            0 => "",
            1 => new string('x', _random.Next(70, 120_000)),
            2 => "a\uFFFDb",
            3 => "\ud800",
            4 => new string('[', 200) + new string(']', 200),
            5 => "{\"a\":1e999}",
            6 => "NaN",
            7 => "--",
            8 => "-h",
            9 => "@" + Db,
            10 => new[] { "-1", "0", "4294967296", "-9223372036854775809", "253402300800" }[_random.Next(5)],
            11 => "{\"a\":[1,{\"b\":null}]}",
            12 => "[1,2]",
            _ => Word(),
        };
    }

    private string Plausible(string key) => key switch
    {
        "type" => new[] { "file", "experiment", "File", "generic" }[_random.Next(4)],
        "uuid" or "pipeline" => new[] { "107653ca-020f-5f03-9663-41cff415b087", "10650844-1baa-55c5-a481-5e945b19c065", "{10650844-1baa-55c5-a481-5e945b19c065}", "1001a831ce4e56c7954b43d740ea56f4" }[_random.Next(4)],
        "child_of" => "102edd93-29d6-5483-b60b-8dfd4d094b9c",
        "data" or "archive_patterns" or "product_patterns" => new[] { "{}", "{\"a\":\"&'\"}", "[]", "[{\"level\":\"1\"}]" }[_random.Next(4)],
        "event" => new[] { "run", "update", "create", "finish", "fail", "nonsense" }[_random.Next(6)],
        "state" => new[] { "RUNNING", "created", "bogus" }[_random.Next(3)],
        "at" => new[] { "1700000000", "2019-02-15T21:30:09Z", "253402300799", "-62135596800" }[_random.Next(4)],
        "urls" => new[] { "http://no.such.host.invalid:5000", "http://127.0.0.1:0", "", "notaurl" }[_random.Next(4)],
        "limit" or "lifetime" or "max_body_bytes" or "rate_limit" => new[] { "1", "3600", "0", "2147483648" }[_random.Next(4)],
        _ => Word(),
    };

    private string Word() =>
        new(Enumerable.Range(0, _random.Next(1, 12)).Select(_ => "abcdefghijklmnopqrstuvwxyz-_:é"[_random.Next(30)]).ToArray());

    // Escapes only what JSON demands, so a lone surrogate reaches the line as it is.
    private static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    private static string Show(List<string> args) =>
        string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a));

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
