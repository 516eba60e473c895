using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using PipelineSdk.Python;
using PipelineSdk.Reactors;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Tests.Identifiers;

namespace PipelineSdk.Reliability.Tests.BadInput;

/// <summary>
/// <c>MSG</c> decoding (JSON, Python literals, anything else) on random and randomly broken text: it decodes, or it
/// throws <see cref="ReactorEnvironmentException"/> naming MSG around a <see cref="PythonLiteralException"/> with a
/// position inside the text; never another exception, never a hang, never a stack overflow.
/// </summary>
public sealed class MessageFuzzTests : SecretCheckedTest
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Random_json_messages_decode_to_the_same_value()
    {
        Fuzz.Run(nameof(Random_json_messages_decode_to_the_same_value), 3000, CaseTimeout, (random, _) =>
        {
            var text = RandomJson.Object(random, random.Next(0, 5));
            var json = JsonDocument.Parse(text).RootElement;
            if (HasNulKey(json))
            {
                AssertNulKeyRefused(() => Decode(text, random.Next(2) == 0 ? "application/json" : "str"));
                return;
            }

            RandomJson.AssertSameValue(json, ToElement(Decode(text, random.Next(2) == 0 ? "application/json" : "str")), "MSG");
        });
    }

    [Fact]
    public void Random_python_literal_messages_decode_to_the_same_value()
    {
        Fuzz.Run(nameof(Random_python_literal_messages_decode_to_the_same_value), 3000, CaseTimeout, (random, _) =>
        {
            var json = JsonDocument.Parse(RandomJson.Object(random, random.Next(0, 5))).RootElement;
            var literal = PythonLiteralWriter.Write(json, random);
            RandomJson.AssertSameValue(json, ToElement(PythonLiteral.Parse(literal)), "literal " + literal);
            if (HasNulKey(json))
            {
                // Read as JSON where the literal starts like JSON, which refuses a NUL in a key; else as a literal.
                DecodesToOrRefusesNulKey(json, () => Decode(literal, "application/json"), "MSG " + literal);
                return;
            }

            RandomJson.AssertSameValue(json, ToElement(Decode(literal, "application/json")), "MSG " + literal);
        });
    }

    [Fact]
    public void Mutated_messages_decode_or_fail_with_a_position()
    {
        var outcomes = new int[2];
        Fuzz.Run(nameof(Mutated_messages_decode_or_fail_with_a_position), 6000, CaseTimeout, (random, _) =>
        {
            var json = RandomJson.Object(random, random.Next(0, 5));
            var source = random.Next(2) == 0 ? json : PythonLiteralWriter.Write(JsonDocument.Parse(json).RootElement, random);
            var text = Mutations.Mutate(random, source);
            var contentType = random.Next(3) switch { 0 => "application/json", 1 => "str", _ => "text/x-unknown" };

            outcomes[DecodeOrExplain(text, contentType) ? 0 : 1]++;
            ParseLiteralOrExplain(text);
        });

        // Both outcomes occur, so the mutations really do exercise the error paths.
        Assert.All(outcomes, count => Assert.True(count > 100, $"decoded {outcomes[0]}, refused {outcomes[1]}"));
    }

    [Fact]
    public void Deep_nesting_is_bounded_and_never_overflows_the_stack()
    {
        string[][] brackets = [["[", "]"], ["(", ",)"], ["{'a': ", "}"], ["{\"a\":", "}"]];
        Fuzz.Run(nameof(Deep_nesting_is_bounded_and_never_overflows_the_stack), 400, CaseTimeout, (random, _) =>
        {
            var depth = random.Next(1, 100_000);
            var opens = new StringBuilder();
            var closes = new Stack<string>();
            for (var i = 0; i < depth; i++)
            {
                var pair = brackets[random.Next(brackets.Length)];
                opens.Append(pair[0]);
                closes.Push(pair[1]);
            }

            var closed = random.Next(2) == 0;
            var text = opens + "1" + (closed ? string.Concat(closes) : "");
            if (!DecodeOrExplain(text, "application/json"))
            {
                return;
            }

            // Only closed text within the documented depth may decode.
            Assert.True(closed && depth <= PythonLiteral.MaxDepth + 1, $"depth {depth} decoded");
        });
    }

    [Fact]
    public void Huge_strings_and_lists_decode_in_bounded_time()
    {
        var payload = new string('x', 8 * 1024 * 1024);
        var list = "[" + string.Join(", ", Enumerable.Repeat("'ab'", 500_000)) + "]";
        var watch = Stopwatch.StartNew();

        Assert.Equal(payload, Decode("{\"p\": \"" + payload + "\"}", "application/json")!["p"]!.GetValue<string>());
        Assert.Equal(payload, Decode("{'p': '" + payload + "'}", "application/json")!["p"]!.GetValue<string>());
        Assert.Equal(500_000, Decode(list, "application/json")!.AsArray().Count);
        var unterminated = Assert.Throws<ReactorEnvironmentException>(() => Decode("{'p': '" + payload, "application/json"));
        Assert.Contains("unterminated string at position 6", unterminated.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_lone_surrogate_in_MSG_is_refused_with_its_position()
    {
        // Found by the mutation run: the JSON reader threw ArgumentException ("Cannot transcode invalid UTF-16").
        var error = Assert.Throws<ReactorEnvironmentException>(() => Decode("{\"a\": \"x\udc00\"}", "application/json"));

        Assert.Equal("MSG: not valid text: a lone UTF-16 surrogate at character 9.", error.Message);
        Assert.Equal("\ud800", Decode("{'a': '\\ud800'}", "application/json")!["a"]!.GetValue<string>());
    }

    private static bool HasNulKey(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains('\0', StringComparison.Ordinal) || HasNulKey(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasNulKey),
        _ => false,
    };

    private static void DecodesToOrRefusesNulKey(JsonElement expected, Func<JsonNode?> decode, string what)
    {
        try
        {
            RandomJson.AssertSameValue(expected, ToElement(decode()), what);
        }
        catch (ReactorEnvironmentException e)
        {
            Assert.Contains("a key contains the NUL character", e.Message);
        }
    }

    private static void AssertNulKeyRefused(Func<JsonNode?> decode)
    {
        var error = Assert.Throws<ReactorEnvironmentException>(() => decode());
        Assert.Contains("a key contains the NUL character", error.Message);
        Assert.Contains("at JSON pointer", error.Message);
    }

    private static JsonNode? Decode(string text, string contentType)
    {
        var environment = new Dictionary<string, string> { ["MSG"] = text, ["_abaco_Content_Type"] = contentType };
        return ReactorContext.FromEnvironment(environment, new ReactorContextOptions
        {
            BinaryMessagePath = "/nonexistent/reliability/message.bin",
            NicknameGenerator = static () => "fuzzy-otter",
            LoggerFactory = SuiteSecrets.LoggerFactory,
        }).Message;
    }

    /// <summary>True when decoded; false after checking the refusal is the documented one with a position.</summary>
    private static bool DecodeOrExplain(string text, string contentType)
    {
        try
        {
            Decode(text, contentType);
            return true;
        }
        catch (ReactorEnvironmentException e)
        {
            SuiteSecrets.Observe(e);
            Assert.Equal("MSG", e.Variable);
            if (e.InnerException is null)
            {
                // Text that is not valid UTF-16 is refused before parsing, with the position of the lone surrogate;
                // JSON holding what cannot be stored (a NUL in a key, 1e999) is refused with its pointer and byte.
                Assert.Matches("^MSG: (not valid text: a lone UTF-16 surrogate at character [0-9]+|[\\s\\S]+ [(]byte [0-9]+[)])[.]$", e.Message);
                return false;
            }

            var literal = Assert.IsType<PythonLiteralException>(e.InnerException);
            Assert.InRange(literal.Position, 0, text.Length);
            Assert.Contains($"at position {literal.Position} (line ", e.Message);
            return false;
        }
    }

    private static void ParseLiteralOrExplain(string text)
    {
        try
        {
            PythonLiteral.Parse(text);
        }
        catch (PythonLiteralException e)
        {
            Assert.InRange(e.Position, 0, text.Length);
            Assert.False(string.IsNullOrEmpty(e.Problem));
        }
    }

    private static JsonElement ToElement(JsonNode? node) =>
        JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement;
}
