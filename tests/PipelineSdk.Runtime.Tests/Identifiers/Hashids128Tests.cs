using System.Globalization;
using System.Numerics;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Tests.Identifiers;

public class Hashids128Tests
{
    [Fact]
    public void Default_salt_derives_the_spec_alphabets()
    {
        var (alphabet, separators, guards) = Hashids128.DeriveAlphabets(Hashids128.DefaultSalt);
        Assert.Equal("NrqYVDZAob8ORG4Q325pexvn0P1LBX6gdlzJkyw9EWKj", alphabet);
        Assert.Equal("ICHsUTchftSFiu", separators);
        Assert.Equal("mMa7", guards);
    }

    // Computed with /usr/bin/python3 (3.11) and python3-hashids 1.3.1:
    // h = Hashids(salt=salt); (h._alphabet, h._separators, h._guards)
    [Theory]
    [InlineData("", "gjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890", "cfhistuCFHISTU", "abde")]
    [InlineData("this is my salt", "5N6y2rljDQak4xgzn8ZR1oKYLmJpEbVq3OBv9WwXPMe7", "UHuhtcITCsFifS", "AdG0")]
    [InlineData("s\u00E4lz\U0001F600", "rKlmgX4GAzaR7EdnJN8VWbM0x93yZvLpoOYPkw2Q1DB5", "tuSfhCsIUiTcFH", "eqj6")]
    public void Other_salts_derive_the_python_alphabets(string salt, string alphabet, string separators, string guards) =>
        Assert.Equal((alphabet, separators, guards), Hashids128.DeriveAlphabets(salt));

    // Computed with /usr/bin/python3 (3.11) and python3-hashids 1.3.1: Hashids(salt=salt).encode(n), for the default
    // salt, an empty salt, a plain salt and one with non-ASCII and astral characters. Values from 2^128 on take the
    // arbitrary-size path, the others fixed 128-bit arithmetic.
    [Theory]
    [InlineData("0", "xCPJ7PKTdp8BYYb4twh9xNYD", "Nd")]
    [InlineData("1", "xCPJ7PKTdp8BYYb4twh9xNYD", "rA")]
    [InlineData("2", "xCPJ7PKTdp8BYYb4twh9xNYD", "qZ")]
    [InlineData("43", "xCPJ7PKTdp8BYYb4twh9xNYD", "jE")]
    [InlineData("44", "xCPJ7PKTdp8BYYb4twh9xNYD", "NWd")]
    [InlineData("99", "xCPJ7PKTdp8BYYb4twh9xNYD", "OgJ")]
    [InlineData("100", "xCPJ7PKTdp8BYYb4twh9xNYD", "NAp")]
    [InlineData("101", "xCPJ7PKTdp8BYYb4twh9xNYD", "ry9")]
    [InlineData("4294967296", "xCPJ7PKTdp8BYYb4twh9xNYD", "op6nJj2")]
    [InlineData("9223372036854775807", "xCPJ7PKTdp8BYYb4twh9xNYD", "AEwq6OL50zBLE")]
    [InlineData("18446744073709551616", "xCPJ7PKTdp8BYYb4twh9xNYD", "3jL45V605GJX2")]
    [InlineData("170141183460469231731687303715884105728", "xCPJ7PKTdp8BYYb4twh9xNYD", "B4znLBb2PZ1WARNRQONZ2lqz3")]
    [InlineData("340282366920938463463374607431768211455", "xCPJ7PKTdp8BYYb4twh9xNYD", "O2eGwlRDdp4O0kJk0KzprO6er")]
    [InlineData("12345678901234567890123456789", "xCPJ7PKTdp8BYYb4twh9xNYD", "rAYXD95w0Yl62d2Vj38")]
    [InlineData("340282366920938463463374607431768211456", "xCPJ7PKTdp8BYYb4twh9xNYD", "ROe3w9Qonk24LEjELPzkV4leg")]
    [InlineData("1606938044258990275541962092341162602522202993782792835313721", "xCPJ7PKTdp8BYYb4twh9xNYD", "xQnpoxWzE3nR2vYxjqELewyeZZz5p4Lj11kPk3")]
    [InlineData("0", "", "gY")]
    [InlineData("1", "", "jR")]
    [InlineData("2", "", "k5")]
    [InlineData("43", "", "0v")]
    [InlineData("44", "", "gJY")]
    [InlineData("99", "", "wjR")]
    [InlineData("100", "", "g56")]
    [InlineData("101", "", "j25")]
    [InlineData("4294967296", "", "qExOgK7")]
    [InlineData("9223372036854775807", "", "p21ZD04m8GQ42")]
    [InlineData("18446744073709551616", "", "BEpR8m5g8V6WX")]
    [InlineData("170141183460469231731687303715884105728", "", "RgA3ypnZ5698jxmxEGm6ZzrAR")]
    [InlineData("340282366920938463463374607431768211455", "", "w0xzE3QWvmqA4wRw4gnmJAXxJ")]
    [InlineData("340282366920938463463374607431768211456", "", "x6yAV3RXwvrB4x7x4jovKBYyJ")]
    [InlineData("12345678901234567890123456789", "", "jRM9P5JNxMKAnOnq6mz")]
    [InlineData("0", "this is my salt", "5x")]
    [InlineData("1", "this is my salt", "NV")]
    [InlineData("2", "this is my salt", "6m")]
    [InlineData("43", "this is my salt", "7L")]
    [InlineData("44", "this is my salt", "58x")]
    [InlineData("99", "this is my salt", "kKg")]
    [InlineData("100", "this is my salt", "5ge")]
    [InlineData("101", "this is my salt", "NN3")]
    [InlineData("4294967296", "this is my salt", "D54yen6")]
    [InlineData("9223372036854775807", "this is my salt", "jvNx4BjM5KYjv")]
    [InlineData("18446744073709551616", "this is my salt", "n81WpyvKpk9Rz")]
    [InlineData("170141183460469231731687303715884105728", "this is my salt", "EOpENeB27m5bj313RZ1m2aLpK")]
    [InlineData("340282366920938463463374607431768211455", "this is my salt", "kQzObnZ7MLjvp5g5pJ3Lqvyzq")]
    [InlineData("12345678901234567890123456789", "this is my salt", "NVBby3gzqBwZr1rWLjJ")]
    [InlineData("0", "s\u00E4lz\U0001F600", "rN")]
    [InlineData("1", "s\u00E4lz\U0001F600", "KY")]
    [InlineData("2", "s\u00E4lz\U0001F600", "l7")]
    [InlineData("43", "s\u00E4lz\U0001F600", "5W")]
    [InlineData("44", "s\u00E4lz\U0001F600", "r8N")]
    [InlineData("99", "s\u00E4lz\U0001F600", "R5w")]
    [InlineData("100", "s\u00E4lz\U0001F600", "r9D")]
    [InlineData("101", "s\u00E4lz\U0001F600", "KPp")]
    [InlineData("4294967296", "s\u00E4lz\U0001F600", "AQ2D1o7")]
    [InlineData("9223372036854775807", "s\u00E4lz\U0001F600", "GpaNmM1nJv21p")]
    [InlineData("18446744073709551616", "s\u00E4lz\U0001F600", "JXvWw89Yw1Qpn")]
    [InlineData("170141183460469231731687303715884105728", "s\u00E4lz\U0001F600", "ZwV8Md9zXx0B15N53mNxznYV7")]
    [InlineData("340282366920938463463374607431768211455", "s\u00E4lz\U0001F600", "RkpzBG7nJlQOxmwmxE3laOKpa")]
    [InlineData("12345678901234567890123456789", "s\u00E4lz\U0001F600", "KYv8Zp4zwvVQ0B0MkLX")]
    public void Encode_matches_python_hashids(string number, string salt, string expected)
    {
        var value = BigInteger.Parse(number, CultureInfo.InvariantCulture);
        Assert.Equal(expected, Hashids128.Encode(value, salt));
        Assert.Equal(value, Hashids128.Decode(expected, salt));
    }

    // Python: Hashids(salt='xCPJ7PKTdp8BYYb4twh9xNYD').encode(uuid.UUID(u).int) for a UUID of every type prefix.
    [Theory]
    [InlineData("100acb4d-1f93-553a-9e1c-b7b58125bc89", "DbpKqGXe6vXVKbbWXrOLlJPk")]
    [InlineData("101acb4d-1f93-553a-9e1c-b7b58125bc89", "Xl3p3gVjOwN0VNJr6VnL06rA")]
    [InlineData("102acb4d-1f93-553a-9e1c-b7b58125bc89", "xpnxQE6Wozq9lOkYQ8g9BEZ0")]
    [InlineData("103acb4d-1f93-553a-9e1c-b7b58125bc89", "r5yLXL8rKOogJVdl8dLvVX1D")]
    [InlineData("104acb4d-1f93-553a-9e1c-b7b58125bc89", "y5OZAXWyXX8GRnllNq1QABgo")]
    [InlineData("105acb4d-1f93-553a-9e1c-b7b58125bc89", "XPz3b2qEqoKRlXnKOnoA6yJY")]
    [InlineData("106acb4d-1f93-553a-9e1c-b7b58125bc89", "bqV9Ww4q8NdYAO5ZDBV2no0g")]
    [InlineData("107acb4d-1f93-553a-9e1c-b7b58125bc89", "r59AWBvwVepAGKLpqLQoqKA9")]
    [InlineData("108acb4d-1f93-553a-9e1c-b7b58125bc89", "y55dOkDnexWOWLRvW1wXL2jr")]
    [InlineData("109acb4d-1f93-553a-9e1c-b7b58125bc89", "2jLxD5v8L2ogoWy0Llob8Klg")]
    [InlineData("110acb4d-1f93-553a-9e1c-b7b58125bc89", "PdXr4kr14vBXREEb02KBJyAe")]
    [InlineData("111acb4d-1f93-553a-9e1c-b7b58125bc89", "Dg6Y5AypBLn5Z9jeKElxoygr")]
    [InlineData("114acb4d-1f93-553a-9e1c-b7b58125bc89", "GW0OlP2RbOxPgGOZE69nkbYO")]
    [InlineData("115acb4d-1f93-553a-9e1c-b7b58125bc89", "Dn0BKpzNN443qYr5xBjeK4WG")]
    [InlineData("116acb4d-1f93-553a-9e1c-b7b58125bc89", "W14lExxL6gLPpDn03yREzKB3")]
    [InlineData("117acb4d-1f93-553a-9e1c-b7b58125bc89", "xDoZWpXqW355xq1kqLXOqJX4")]
    [InlineData("118acb4d-1f93-553a-9e1c-b7b58125bc89", "GW8AdNylGk8JdbgGRzryJdLK")]
    [InlineData("119acb4d-1f93-553a-9e1c-b7b58125bc89", "DnbAOPVo8ykLypVb5b2WZRqW")]
    [InlineData("120acb4d-1f93-553a-9e1c-b7b58125bc89", "rQB8vNGO5BAqkprLV9ZRZk8J")]
    [InlineData("121acb4d-1f93-553a-9e1c-b7b58125bc89", "yZWqgdgKDPAvdXd4JNgNQ6lO")]
    [InlineData("122acb4d-1f93-553a-9e1c-b7b58125bc89", "2Qe9ZPeGzAw3DxZY26nDj0NW")]
    [InlineData("123acb4d-1f93-553a-9e1c-b7b58125bc89", "bpoWbKjnvqb9zXvvgR5QA6Y3")]
    [InlineData("124acb4d-1f93-553a-9e1c-b7b58125bc89", "rQGy8Z4oA1KoP9l6RNjY0oGD")]
    [InlineData("125acb4d-1f93-553a-9e1c-b7b58125bc89", "Pep4NnEOw3zE6jNKvrRDOvro")]
    public void Encode_uuid_matches_python_hashids_of_the_128_bit_integer(string uuid, string expected)
    {
        Assert.Equal(expected, Hashids128.EncodeUuid(uuid));
        Assert.Equal(expected, Hashids128.EncodeUuid(uuid.ToUpperInvariant().Replace("-", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(24, expected.Length);
    }

    [Fact]
    public void Random_128_bit_values_round_trip()
    {
        var random = new Random(128);
        var bytes = new byte[17];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            bytes[16] = 0;
            var value = new BigInteger(bytes);
            Assert.Equal(value, Hashids128.Decode(Hashids128.Encode(value)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("N")]
    [InlineData("Nd!")]
    [InlineData("mNd")] // a guard character is not part of a min_length 0 hashid
    [InlineData("NNd")] // a leading zero digit: Python's decode re-encodes and rejects it
    public void Decode_rejects_text_that_is_not_a_hashid(string hashid)
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => Hashids128.Decode(hashid));
        Assert.Contains($"'{hashid}'", error.Message);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hashids128.Encode(BigInteger.MinusOne));
        Assert.Throws<ArgumentNullException>(() => Hashids128.Encode(BigInteger.One, null!));
        var error = Assert.Throws<PipelineJobValidationException>(() => Hashids128.EncodeUuid("not-a-uuid"));
        Assert.Contains("'not-a-uuid'", error.Message);
    }
}
