using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSdk.Endpoint;
using PipelineSdk.Identifiers;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Tests.Identifiers;

namespace PipelineSdk.Reliability.Tests.BadInput;

/// <summary>
/// The events endpoint's parser, <see cref="EventMessageInterpreter"/>, on random and broken messages: malformed
/// JSON, wrong types, deep nesting, huge strings, invalid UTF-8, duplicate keys, Python literals, random query
/// parameters and content types. Every message gives a request (with a typed uuid and a known event) or a 400
/// validation error with a short message; never another exception, never a hang.
/// </summary>
public sealed class EndpointParserFuzzTests : SecretCheckedTest
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);
    private static readonly string JobUuidValue = JobUuid.Compute(TestStores.Pipeline, [], new JsonObject { ["fuzz"] = 1 });
    private static readonly string[] EventNames = [.. JobEvents.WireNames, "RUN", "Update", "create", "explode", "", " run", "run\u0000"];
    private static readonly string[] ContentTypes = [null!, "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "str", "\u00ff/\u0000"];
    private static readonly string[] QueryNames = ["uuid", "event", "name", "token", "note", "status", "x-nonce", "data", "", "UUID", "uuid\u0000"];

    [Fact]
    public void Random_messages_give_a_request_or_a_precise_400()
    {
        var valid = 0;
        var cases = Fuzz.Run(nameof(Random_messages_give_a_request_or_a_precise_400), 10000, CaseTimeout, (random, caseNumber) =>
        {
            var (query, body, contentType, kind) = Message(random, caseNumber);
            if (AssertRequestOrValidationError(query, body, contentType, kind))
            {
                Interlocked.Increment(ref valid);
            }
        });

        Assert.True(valid > cases / 20, $"only {valid} of {cases} messages were valid requests: the generator is too destructive to test acceptance");
        Assert.True(valid < cases, "every message was accepted");
    }

    [Fact]
    public void Deep_nesting_and_huge_strings_are_answered_in_bounded_time()
    {
        foreach (var depth in new[] { 64, 65, 1000, 100_000 })
        {
            var nested = new string('[', depth) + new string(']', depth);
            AssertRequestOrValidationError(Query(("uuid", JobUuidValue), ("event", "update")), Encoding.UTF8.GetBytes("{\"data\":{\"x\":" + nested + "}}"), "application/json", $"depth {depth}");
            AssertRequestOrValidationError(Query(), Encoding.UTF8.GetBytes(nested), "application/json", $"bare depth {depth}");
        }

        var huge = new string('x', 8 * 1024 * 1024);
        AssertRequestOrValidationError(Query(("uuid", huge), ("event", "update")), [], null, "huge uuid");
        AssertRequestOrValidationError(Query(("uuid", JobUuidValue), ("event", huge)), [], null, "huge event");
        AssertRequestOrValidationError(Query(("uuid", JobUuidValue), ("event", "update")), Encoding.UTF8.GetBytes("{\"data\":{\"s\":\"" + huge + "\"}}"), "application/json", "huge data");
        AssertRequestOrValidationError(Query(), Encoding.UTF8.GetBytes($$"""{"uuid":"{{JobUuidValue}}","name":"{{huge}}"}"""), "application/json", "huge name in the body");
    }

    /// <summary>One random message; the kind names what the case is about, for the failure message.</summary>
    private static (Dictionary<string, string?> Query, byte[] Body, string? ContentType, string Kind) Message(Random random, int caseNumber)
    {
        var contentType = ContentTypes[random.Next(ContentTypes.Length)];
        var eventBody = new JsonObject
        {
            ["uuid"] = random.Next(6) == 0 ? RandomValue(random) : JobUuidValue,
            [random.Next(2) == 0 ? "name" : "event"] = random.Next(6) == 0 ? RandomValue(random) : EventNames[random.Next(EventNames.Length)],
            ["data"] = random.Next(4) == 0 ? RandomValue(random) : JsonNode.Parse(RandomJson.Object(random, random.Next(3))),
            ["token"] = random.Next(4) == 0 ? RandomValue(random) : "0123456789abcdef",
        };
        var json = eventBody.ToJsonString();
        var query = random.Next(3) == 0 ? RandomQuery(random) : Query();
        switch (caseNumber % 8)
        {
            case 0:
                return (query, Encoding.UTF8.GetBytes(json), contentType, "event body");
            case 1:
                return (query, Encoding.UTF8.GetBytes(Mutations.Mutate(random, json)), contentType, "mutated body");
            case 2:
                return (query, InvalidUtf8(random, Encoding.UTF8.GetBytes(json)), contentType, "invalid UTF-8");
            case 3:
                var duplicate = json.Insert(1, $"\"uuid\":\"{JobUuidValue}\",\"name\":\"run\",");
                return (query, Encoding.UTF8.GetBytes(duplicate), contentType, "duplicate keys");
            case 4:
                return (query, Encoding.UTF8.GetBytes(PythonLiteralWriter.Write(JsonDocument.Parse(json).RootElement, random)), contentType, "Python literal");
            case 5:
                return (query, Encoding.UTF8.GetBytes(RandomJson.Object(random, random.Next(5))), contentType, "random JSON");
            case 6:
                var url = Query(("uuid", random.Next(5) == 0 ? Mutations.Crafted(random) : JobUuidValue), ("event", EventNames[random.Next(EventNames.Length)]), ("token", Mutations.Crafted(random)), ("note", Mutations.Crafted(random)));
                return (url, random.Next(2) == 0 ? [] : Encoding.UTF8.GetBytes(Mutations.Crafted(random)), contentType, "URL parameters");
            default:
                var bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
                return (query, bytes, contentType, "random bytes");
        }
    }

    /// <summary>Interprets and checks the outcome; true when it is a request.</summary>
    private static bool AssertRequestOrValidationError(IReadOnlyDictionary<string, string?> query, byte[] body, string? contentType, string kind)
    {
        EventMessageInterpretation result;
        try
        {
            result = EventMessageInterpreter.Interpret(query, body, contentType);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{kind}: the parser threw {e.GetType().Name}: {e.Message}");
        }

        if (result.IsValid)
        {
            Assert.True(TypedUuid.IsValid(result.Request!.Uuid), $"{kind}: accepted a request with uuid '{result.Request.Uuid}'");
            Assert.True(Enum.IsDefined(result.Request.Event), $"{kind}: accepted an undefined event");
            return true;
        }

        var error = result.Error!;
        Assert.Equal(EndpointErrorType.Validation, error.Type);
        Assert.Equal(400, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), $"{kind}: an empty error message");
        Assert.True(error.Message.Length < 1000, $"{kind}: an error message of {error.Message.Length} characters echoes the input");
        return false;
    }

    private static Dictionary<string, string?> Query(params (string Name, string? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static Dictionary<string, string?> RandomQuery(Random random)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            query[QueryNames[random.Next(QueryNames.Length)]] = random.Next(8) == 0 ? null : Mutations.Crafted(random);
        }

        return query;
    }

    /// <summary>A value of a random JSON type (wrong for most fields).</summary>
    private static JsonNode? RandomValue(Random random) => random.Next(7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => new JsonArray(JsonValue.Create(JobUuidValue), JsonValue.Create("run")),
        4 => new JsonObject { ["uuid"] = JobUuidValue },
        5 => JsonValue.Create(Mutations.Crafted(random)),
        _ => JsonValue.Create(random.Next()),
    };

    /// <summary>The bytes with a few invalid UTF-8 sequences inserted (stray continuation, overlong, surrogate, 0xFF).</summary>
    private static byte[] InvalidUtf8(Random random, byte[] bytes)
    {
        byte[][] bad = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xC3], [0xF4, 0x90, 0x80, 0x80]];
        var list = bytes.ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            list.InsertRange(random.Next(list.Count + 1), bad[random.Next(bad.Length)]);
        }

        return [.. list];
    }
}
