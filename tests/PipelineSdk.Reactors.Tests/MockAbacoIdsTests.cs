using PipelineSdk.Abaco;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Reactors.Tests;

public sealed class MockAbacoIdsTests
{
    // Computed with Debian's python3-hashids 1.3.1: Hashids(salt='eJa5wZlEX4eWU').encode(n) (/tmp/rx/vectors.py).
    [Theory]
    [InlineData(0UL, "6y")]
    [InlineData(1UL, "Rr")]
    [InlineData(99UL, "NB5")]
    [InlineData(100UL, "6V0")]
    [InlineData(12345UL, "R4Xo")]
    [InlineData(4294967296UL, "wv43JL1")]
    [InlineData(9223372036854775808UL, "wK0mvzJx1RkJO")]
    [InlineData(18446744073709551615UL, "xyWxv5zqvkZ6y")]
    [InlineData(1311768467294899695UL, "WBvZev64N8P5N")]
    public void Encodes_like_python_hashids_with_abacos_salt(ulong number, string expected)
    {
        Assert.Equal(expected, Hashids128.Encode(number, MockAbacoIds.AbacoSalt));
    }

    // uuid.UUID(fields=(ts & 0xffffffff, (ts >> 32) & 0xffff, ((ts >> 48) & 0x0fff) | 0x1000, 0x80, 0, 0)).int >> 64,
    // i.e. what uuid1().int >> 64 is for timestamp ts, and its hashid (/tmp/rx/vectors.py).
    [Theory]
    [InlineData(139631604446829244L, 6230900217017012720UL, "eyY0QlVr5G0l3")]
    [InlineData(138000000000000000L, 15204433818158371306UL, "jPk05Y6lyg13o")]
    [InlineData(1152921504606846975L, 18446744073709494271UL, "ygwO80z78NBPj")]
    public void Mock_ids_take_the_upper_64_bits_of_a_version_1_uuid(long timestamp, ulong upperBits, string hashid)
    {
        Assert.Equal(upperBits, MockAbacoIds.UpperUuid1Bits(timestamp));
        Assert.Equal(hashid, Hashids128.Encode(upperBits, MockAbacoIds.AbacoSalt));
    }

    [Fact]
    public void Uuid_timestamps_count_100ns_intervals_since_the_gregorian_reform()
    {
        // int(datetime(2021, 4, 14, tzinfo=utc).timestamp() * 10**7) + 0x01b21dd213814000, as uuid1 computes it.
        Assert.Equal(138376512000000000L, MockAbacoIds.UuidTimestamp(new DateTimeOffset(2021, 4, 14, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Mock_ids_are_distinct_even_within_one_clock_tick()
    {
        var frozen = new FixedTimeProvider(new DateTimeOffset(2021, 4, 14, 0, 0, 0, TimeSpan.Zero));

        var ids = Enumerable.Range(0, 50).Select(_ => MockAbacoIds.NewId(frozen)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
