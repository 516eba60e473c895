using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineSdk.Tests.Identifiers;

/// <summary>Random JSON documents for invariant tests of the canonical JSON writer, and a value comparison.</summary>
internal static class RandomJson
{
    // Characters that stress escaping and key order: ASCII specials, controls, DEL, Latin-1, BMP private use and
    // U+FFFF (above the surrogates in UTF-16 but below astral code points), astral characters.
    private static readonly string[] Characters =
    [
        "a", "b", "Z", "0", " ", "\"", "\\", "/", "<", ">", "&", "'", "\n", "\t", "\u0000", "\u001f", "\u007f",
        "\u00e9", "\u00a0", "\u4e2d", "\u2028", "\ue000", "\uffff", "\U0001F600", "\U00010000", "\U0010FFFD",
    ];

    private static readonly string[] FloatLiterals = ["0.5", "1e-5", "1E16", "-0.0", "3.0", "1.5e300", "0.1", "2.5E-7", "100e-2"];

    public static string Object(Random random, int depth)
    {
        var output = new StringBuilder();
        WriteObject(output, random, depth);
        return output.ToString();
    }

    public static JsonNode ShuffleKeys(JsonNode node, Random random) => node switch
    {
        JsonObject obj => Shuffled(obj, random),
        JsonArray array => new JsonArray(array.Select(item => item is null ? null : ShuffleKeys(item, random)).ToArray()),
        _ => node.DeepClone(),
    };

    /// <summary>Asserts both elements hold the same Python value: ints by exact value, floats bit for bit.</summary>
    public static void AssertSameValue(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} became {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedMembers = LastWins(expected);
                var actualMembers = LastWins(actual);
                Assert.Equal(expectedMembers.Keys.Order(StringComparer.Ordinal), actualMembers.Keys.Order(StringComparer.Ordinal));
                foreach (var (key, value) in expectedMembers)
                {
                    AssertSameValue(value, actualMembers[key], path + "." + key);
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSameValue(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.GetString());
                break;
            case JsonValueKind.Number:
                var text = expected.GetRawText();
                if (text.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
                {
                    Assert.Equal(BigInteger.Parse(text, CultureInfo.InvariantCulture), BigInteger.Parse(actual.GetRawText(), CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected.GetDouble()), BitConverter.DoubleToInt64Bits(actual.GetDouble()));
                }

                break;
        }
    }

    private static Dictionary<string, JsonElement> LastWins(JsonElement obj)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            members[property.Name] = property.Value;
        }

        return members;
    }

    private static JsonObject Shuffled(JsonObject obj, Random random)
    {
        var members = obj.ToArray();
        random.Shuffle(members);
        var result = new JsonObject();
        foreach (var (key, value) in members)
        {
            result[key] = value is null ? null : ShuffleKeys(value, random);
        }

        return result;
    }

    private static void WriteObject(StringBuilder output, Random random, int depth)
    {
        output.Append('{');
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            var key = RandomText(random);
            if (!keys.Add(key))
            {
                continue;
            }

            if (keys.Count > 1)
            {
                output.Append(',');
            }

            output.Append(JsonSerializer.Serialize(key)).Append(':');
            WriteValue(output, random, depth - 1);
        }

        output.Append('}');
    }

    private static void WriteValue(StringBuilder output, Random random, int depth)
    {
        switch (random.Next(depth > 0 ? 9 : 7))
        {
            case 0:
                output.Append(JsonSerializer.Serialize(RandomText(random)));
                break;
            case 1:
                output.Append(random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture));
                break;
            case 2:
                // Beyond 64 bits: Python keeps every digit.
                output.Append((BigInteger.Pow(10, random.Next(19, 40)) * random.Next(-9, 10) + random.Next()).ToString(CultureInfo.InvariantCulture));
                break;
            case 3:
                var value = random.NextDouble() * Math.Pow(10, random.Next(-30, 30)) * (random.Next(2) == 0 ? -1 : 1);
                output.Append(value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case 4:
                output.Append(FloatLiterals[random.Next(FloatLiterals.Length)]);
                break;
            case 5:
                output.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                break;
            case 6:
                output.Append(random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture));
                break;
            case 7:
                WriteObject(output, random, depth);
                break;
            default:
                output.Append('[');
                var count = random.Next(0, 4);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }

                    WriteValue(output, random, depth - 1);
                }

                output.Append(']');
                break;
        }
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 6);
        for (var i = 0; i < length; i++)
        {
            text.Append(Characters[random.Next(Characters.Length)]);
        }

        return text.ToString();
    }
}
