using System.Globalization;

namespace PipelineSdk.Reliability.Tests.Support;

/// <summary>
/// A seeded property runner of our own: case <c>i</c> of a run uses <c>new Random(HashCode of (seed, i))</c>, so one
/// failing case replays alone. The seed is fixed (<see cref="DefaultSeed"/>) unless <c>PIPELINESDK_FUZZ_SEED</c> sets
/// it, and <c>PIPELINESDK_FUZZ_SCALE</c> multiplies every case count for a longer local run. A case that throws an
/// assertion, or runs longer than the per-case timeout (a hang), fails the run with the seed and the case number.
/// </summary>
public static class Fuzz
{
    /// <summary>The seed of CI runs.</summary>
    public const int DefaultSeed = 20261125;

    /// <summary>The seed of this run.</summary>
    public static int Seed { get; } = ReadInt("PIPELINESDK_FUZZ_SEED", DefaultSeed);

    /// <summary>The factor applied to every case count.</summary>
    public static int Scale { get; } = Math.Max(1, ReadInt("PIPELINESDK_FUZZ_SCALE", 1));

    /// <summary>The random source of one case.</summary>
    public static Random CaseRandom(string name, int caseNumber) =>
        new(unchecked((Seed * 397) ^ StableHash(name) ^ (caseNumber * 7919)));

    /// <summary>
    /// Runs <paramref name="cases"/> × <see cref="Scale"/> cases of <paramref name="property"/> on a worker thread,
    /// each with <paramref name="perCaseTimeout"/>; returns how many ran.
    /// </summary>
    public static int Run(string name, int cases, TimeSpan perCaseTimeout, Action<Random, int> property)
    {
        var total = cases * Scale;
        var current = -1;
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                Volatile.Write(ref current, i);
                try
                {
                    property(CaseRandom(name, i), i);
                }
                catch (Exception e)
                {
                    failure = e;
                    return;
                }
            }

            Volatile.Write(ref current, total);
        }, 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + name };
        worker.Start();

        var seen = -1;
        var since = DateTime.UtcNow;
        while (!worker.Join(TimeSpan.FromMilliseconds(50)))
        {
            var now = Volatile.Read(ref current);
            if (now != seen)
            {
                seen = now;
                since = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - since > perCaseTimeout)
            {
                throw new FuzzFailure(name, now, $"case did not finish within {perCaseTimeout.TotalSeconds} s (a hang)", null);
            }
        }

        if (failure is not null)
        {
            throw new FuzzFailure(name, Volatile.Read(ref current), failure.Message, failure);
        }

        return total;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static int ReadInt(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

/// <summary>A property failed: names the run, the seed and the case so it can be replayed.</summary>
public sealed class FuzzFailure(string name, int caseNumber, string problem, Exception? inner)
    : Exception($"{name}: case {caseNumber} failed (replay with PIPELINESDK_FUZZ_SEED={Fuzz.Seed}): {problem}", inner);
