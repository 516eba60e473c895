using PipelineSdk.Identifiers;

namespace PipelineSdk.Abaco;

/// <summary>
/// Abaco-style ids for local runs, made as the Python SDKs make them: hashids of the upper 64 bits of a version-1
/// UUID (<c>uuid1().int &gt;&gt; 64</c>), i.e. its time_low, time_mid and time_hi_and_version fields.
/// </summary>
internal static class MockAbacoIds
{
    /// <summary>The salt Abaco uses for its identifiers (Abaco <c>actors/models.py</c> <c>HASH_SALT</c>).</summary>
    public const string AbacoSalt = "eJa5wZlEX4eWU";

    // 100-ns intervals between the UUID epoch (1582-10-15) and 0001-01-01, the origin of DateTime ticks.
    private static readonly long UuidEpochTicks = new DateTime(1582, 10, 15, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static long _lastTimestamp;

    /// <summary>A new id; ids made in the same 100-ns tick still differ, as uuid1 guarantees.</summary>
    public static string NewId(TimeProvider time)
    {
        var now = UuidTimestamp(time.GetUtcNow());
        long timestamp;
        long last;
        do
        {
            last = Interlocked.Read(ref _lastTimestamp);
            timestamp = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastTimestamp, timestamp, last) != last);

        return Hashids128.Encode(UpperUuid1Bits(timestamp), AbacoSalt);
    }

    /// <summary>The 60-bit UUID timestamp of <paramref name="instant"/>: 100-ns intervals since 1582-10-15.</summary>
    internal static long UuidTimestamp(DateTimeOffset instant) => instant.UtcTicks - UuidEpochTicks;

    /// <summary>The upper 64 bits of a version-1 UUID with the given 60-bit timestamp.</summary>
    internal static ulong UpperUuid1Bits(long timestamp)
    {
        var t = (ulong)timestamp;
        var timeLow = t & 0xFFFF_FFFF;
        var timeMid = (t >> 32) & 0xFFFF;
        var timeHiAndVersion = ((t >> 48) & 0x0FFF) | 0x1000;
        return (timeLow << 32) | (timeMid << 16) | timeHiAndVersion;
    }
}
