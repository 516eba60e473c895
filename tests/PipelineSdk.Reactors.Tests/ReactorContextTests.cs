using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Abaco;
using PipelineSdk.Reactors.Tests.Support;
using PipelineSdk.Reactors;

namespace PipelineSdk.Reactors.Tests;

public sealed class ReactorContextTests
{
    private static readonly ReactorContextOptions Options = new()
    {
        NicknameGenerator = () => "happy-heron",
        BinaryMessagePath = "/nonexistent/_abaco_binary_data",
    };

    [Fact]
    public void Deployed_context_types_every_abaco_variable()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Deployed(), Options);

        Assert.False(context.IsLocal);
        Assert.False(context.LocalOnly);
        Assert.Equal("G46vjoAVzGkkz", context.ActorId);
        Assert.Equal("SD2E_G46vjoAVzGkkz", context.ActorDbId);
        Assert.Equal("kGqWBz3Pm6Pwz", context.ExecutionId);
        Assert.Equal("xJ4BOBz0V1jy", context.WorkerId);
        Assert.Equal("pipelines-manager", context.ActorName);
        Assert.Equal("sd2e/pipelinejobs-manager:2.0", context.ContainerRepo);
        Assert.Equal("jdoe", context.Username);
        Assert.Equal(new Uri("https://api.sd2e.org"), context.ApiServer);
        Assert.Equal("X-JWT-Assertion-sd2e", context.JwtHeaderName);
        Assert.Equal("4", context.ActorRevision);
        Assert.Equal(AbacoFixtures.AccessToken, context.AccessToken!.Reveal());
        Assert.Equal("*****", context.AccessToken.ToString());
        Assert.Equal(AbacoFixtures.Nonce, context.Nonce!.Reveal());
        Assert.Equal("*****", context.Nonce.ToString());
        Assert.Equal(MessageContentType.Json, context.ContentType);
        Assert.Equal("brave-otter", context.Session);
        Assert.Equal("happy-heron", context.Nickname);
        Assert.Equal(
            new Dictionary<string, string> { ["x_src_actor_id"] = "Z3vOQ6ALRxJpw", ["x_src_execution_id"] = "B0yWqpz3N1kpB" },
            context.Provenance);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"runs\":3,\"last\":null}"), context.ActorState));
    }

    [Fact]
    public void Deployed_message_in_python_literal_form_is_decoded()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Deployed(), Options);

        var expected = JsonNode.Parse("""{"uuid":"1073f4ff-c2b9-5190-bd9a-e6a406d9796a","name":"run","data":{"note":"it's on","ok":true}}""");
        Assert.True(JsonNode.DeepEquals(expected, context.Message), context.Message?.ToJsonString());
        Assert.Equal(AbacoFixtures.Deployed()["MSG"], context.RawMessage);
    }

    [Fact]
    public void Message_is_a_fresh_copy_so_the_context_stays_immutable()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Deployed(), Options);

        context.Message!["name"] = "changed";

        Assert.Equal("run", context.Message!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("_abaco_Content_Type", "str", MessageContentType.Str)]
    [InlineData("_abaco_Content-Type", "str", MessageContentType.Str)]
    [InlineData("_abaco_Content_Type", "application/octet-stream", MessageContentType.Binary)]
    [InlineData("_abaco_Content-Type", "application/json", MessageContentType.Json)]
    [InlineData("_abaco_Content-Type", "text/csv", MessageContentType.Unknown)]
    public void Content_type_is_read_from_either_spelling(string variable, string value, MessageContentType expected)
    {
        var environment = AbacoFixtures.Deployed();
        environment.Remove("_abaco_Content_Type");
        environment[variable] = value;

        var context = ReactorContext.FromEnvironment(environment, Options);

        Assert.Equal(expected, context.ContentType);
        Assert.Equal(value, context.RawContentType);
    }

    [Fact]
    public void The_servers_underscore_spelling_wins_when_both_are_set()
    {
        var environment = AbacoFixtures.Deployed();
        environment["_abaco_Content_Type"] = "str";
        environment["_abaco_Content-Type"] = "application/json";

        Assert.Equal(MessageContentType.Str, ReactorContext.FromEnvironment(environment, Options).ContentType);
    }

    [Fact]
    public void Deployed_context_without_a_content_type_is_unknown()
    {
        var environment = AbacoFixtures.Deployed();
        environment.Remove("_abaco_Content_Type");

        var context = ReactorContext.FromEnvironment(environment, Options);

        Assert.Equal(MessageContentType.Unknown, context.ContentType);
        Assert.Null(context.RawContentType);
    }

    [Fact]
    public void Local_context_generates_abaco_style_ids_and_defaults()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Local(), Options);

        Assert.True(context.IsLocal);
        string[] ids = [context.ActorId, context.ActorDbId, context.ExecutionId, context.WorkerId, context.ContainerRepo, context.ActorName];
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9]{12,13}$", id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal("vaughn", context.Username);
        Assert.Equal(MessageContentType.Json, context.ContentType);
        Assert.Null(context.Message);
        Assert.Null(context.AccessToken);
        Assert.Null(context.Nonce);
        Assert.Null(context.ApiServer);
        Assert.Equal("happy-heron", context.Session);
        Assert.True(JsonNode.DeepEquals(new JsonObject(), context.ActorState));
    }

    [Fact]
    public void Local_context_keeps_what_the_environment_does_give()
    {
        var environment = AbacoFixtures.Local("{\"x\": 1}");
        environment.Remove("USER");
        environment["_abaco_execution_id"] = "given-exec";
        environment["SESSION"] = "manual-session";

        var context = ReactorContext.FromEnvironment(environment, Options);

        Assert.True(context.IsLocal);
        Assert.Equal("given-exec", context.ExecutionId);
        Assert.Equal("reactor", context.Username);
        Assert.Equal("manual-session", context.Session);
        Assert.Equal(1, context.Message!["x"]!.GetValue<int>());
    }

    [Fact]
    public void Empty_actor_id_counts_as_local()
    {
        var environment = AbacoFixtures.Deployed();
        environment["_abaco_actor_id"] = "";

        var context = ReactorContext.FromEnvironment(environment, Options);

        Assert.True(context.IsLocal);
        Assert.Matches("^[A-Za-z0-9]{12,13}$", context.ActorId);
    }

    [Fact]
    public void Each_context_gets_a_fresh_nickname_by_default()
    {
        var nicknames = Enumerable.Range(0, 20)
            .Select(_ => ReactorContext.FromEnvironment(AbacoFixtures.Local()).Nickname)
            .ToList();

        Assert.All(nicknames, n => Assert.Matches("^[a-z]+-[a-z]+$", n));
        Assert.True(nicknames.Distinct().Count() > 1);
    }

    [Fact]
    public void Reading_the_process_environment_never_writes_to_it()
    {
        string[] names = ["_abaco_actor_id", "_abaco_execution_id", "_abaco_actor_dbid", "_abaco_Content-Type", "_abaco_api_server"];
        var before = names.Select(Environment.GetEnvironmentVariable).ToList();

        var context = ReactorContext.FromEnvironment(options: Options);

        Assert.Equal(before, names.Select(Environment.GetEnvironmentVariable).ToList());
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), context.Variables["PATH"]);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2]}", "application/json", "{\"a\":[1,2]}")]
    [InlineData("{'a': (1, 2)}", "application/json", "{\"a\":[1,2]}")]
    [InlineData("hello world", "str", "\"hello world\"")]
    [InlineData("This is your cron execution", "str", "\"This is your cron execution\"")]
    [InlineData("42", "str", "42")]
    [InlineData("'quoted'", "str", "\"quoted\"")]
    public void Messages_decode_as_json_python_literal_or_plain_text(string raw, string contentType, string expectedJson)
    {
        var environment = AbacoFixtures.Deployed();
        environment["MSG"] = raw;
        environment["_abaco_Content_Type"] = contentType;

        var context = ReactorContext.FromEnvironment(environment, Options);

        Assert.Equal(expectedJson, context.Message!.ToJsonString());
    }

    [Theory]
    [InlineData("{'uuid': '1073f4ff', 'name': 'run'", "str", "expected ',' or '}' at position 34 (line 1, column 35)")]
    [InlineData("[1, 2", "str", "expected ',' or ']' at position 5 (line 1, column 6)")]
    [InlineData("hello world", "application/json", "'hello' is not a literal (only True, False and None are names) at position 0 (line 1, column 1)")]
    public void Malformed_messages_fail_before_anything_runs_naming_msg_and_position(string raw, string contentType, string detail)
    {
        var environment = AbacoFixtures.Deployed();
        environment["MSG"] = raw;
        environment["_abaco_Content_Type"] = contentType;

        var error = Assert.Throws<ReactorEnvironmentException>(() => ReactorContext.FromEnvironment(environment, Options));

        Assert.Equal("MSG", error.Variable);
        Assert.Equal($"MSG is neither JSON nor a Python literal: {detail}", error.Message);
    }

    [Fact]
    public void Binary_content_type_leaves_msg_undecoded()
    {
        var environment = AbacoFixtures.Deployed();
        environment["_abaco_Content_Type"] = "application/octet-stream";
        environment["MSG"] = "{not decoded";

        var context = ReactorContext.FromEnvironment(environment, Options);

        Assert.Null(context.Message);
        Assert.Null(context.BinaryMessage);
    }

    [Fact]
    public void Binary_message_is_read_from_a_file_at_the_fifo_path()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "_abaco_binary_data");
        byte[] payload = [0, 1, 2, 254, 255, 10, 13];
        File.WriteAllBytes(path, payload);

        var context = ReactorContext.FromEnvironment(AbacoFixtures.Deployed(), Options with { BinaryMessagePath = path });

        Assert.Equal(payload, context.BinaryMessage!.Value.ToArray());
    }

    [Fact]
    public async Task Binary_message_is_read_from_a_fifo_whose_writer_stays_open()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "_abaco_binary_data");
        MakeFifo(path);
        var payload = Enumerable.Range(0, 40000).Select(i => (byte)(i * 7)).ToArray();
        // Opening read-write never blocks on Linux; the writer stays open while the reactor reads, as Abaco's may.
        using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        writer.Write(payload);
        writer.Flush();

        var read = Task.Run(() => ReactorContext.FromEnvironment(AbacoFixtures.Deployed(), Options with { BinaryMessagePath = path }));

        var context = await read.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(payload, context.BinaryMessage!.Value.ToArray());
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("Yes", true)]
    [InlineData("ok", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData("off", false)]
    public void Localonly_uses_the_python_boolean_table(string value, bool expected)
    {
        var environment = AbacoFixtures.Local();
        environment["LOCALONLY"] = value;

        Assert.Equal(expected, ReactorContext.FromEnvironment(environment, Options).LocalOnly);
    }

    [Fact]
    public void Localonly_that_is_not_a_boolean_is_an_error_naming_it()
    {
        var environment = AbacoFixtures.Local();
        environment["LOCALONLY"] = "maybe";

        var error = Assert.Throws<ReactorEnvironmentException>(() => ReactorContext.FromEnvironment(environment, Options));

        Assert.Equal("LOCALONLY", error.Variable);
        Assert.Contains("LOCALONLY is not a boolean: 'maybe'", error.Message);
    }

    [Fact]
    public void Api_server_that_is_not_a_url_is_an_error_naming_it()
    {
        var environment = AbacoFixtures.Deployed();
        environment["_abaco_api_server"] = "api.sd2e.org";

        var error = Assert.Throws<ReactorEnvironmentException>(() => ReactorContext.FromEnvironment(environment, Options));

        Assert.Equal("_abaco_api_server", error.Variable);
    }

    [Fact]
    public void Malformed_actor_state_is_an_error_naming_it()
    {
        var environment = AbacoFixtures.Deployed();
        environment["_abaco_actor_state"] = "{'runs': }";

        var error = Assert.Throws<ReactorEnvironmentException>(() => ReactorContext.FromEnvironment(environment, Options));

        Assert.Equal("_abaco_actor_state", error.Variable);
    }

    [Fact]
    public void On_success_and_on_failure_return_exit_codes_and_log_the_reason()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(capture));
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Deployed(), Options with { LoggerFactory = factory });

        Assert.Equal(0, context.OnSuccess("Job created"));
        Assert.Equal(1, context.OnFailure("Could not create the job", new InvalidOperationException("store unreachable")));
        Assert.Equal(1, context.OnFailure());

        Assert.Collection(
            capture.Lines,
            line => Assert.StartsWith("Information PipelineSdk.Reactor: Job created", line),
            line =>
            {
                Assert.StartsWith("Critical PipelineSdk.Reactor: Could not create the job : store unreachable", line);
                Assert.Contains("System.InvalidOperationException: store unreachable", line);
            },
            line => Assert.StartsWith("Critical PipelineSdk.Reactor: Failure", line));
    }

    [Fact]
    public async Task Send_message_adds_provenance_and_resolves_me()
    {
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Deployed(), Options);
        var messenger = new RecordingMessenger();
        var environment = new Dictionary<string, string> { ["note"] = "hi" };

        var executionId = await context.SendMessageAsync(messenger, "me", new JsonObject { ["a"] = 1 }, environment);

        Assert.Equal("exec-1", executionId);
        var (actorId, message, sent) = Assert.Single(messenger.Sent);
        Assert.Equal("G46vjoAVzGkkz", actorId);
        Assert.Equal("{\"a\":1}", message.ToJsonString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["note"] = "hi",
                ["x_src_actor_id"] = "G46vjoAVzGkkz",
                ["x_src_execution_id"] = "kGqWBz3Pm6Pwz",
                ["x_session"] = "brave-otter",
            },
            sent);
        Assert.Single(environment);
    }

    private static void MakeFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private sealed class RecordingMessenger : IActorMessenger
    {
        public List<(string ActorId, JsonNode Message, IReadOnlyDictionary<string, string> Environment)> Sent { get; } = [];

        public Task<string> SendMessageAsync(string actorId, JsonNode message, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
        {
            Sent.Add((actorId, message, environment!));
            return Task.FromResult($"exec-{Sent.Count}");
        }
    }
}
