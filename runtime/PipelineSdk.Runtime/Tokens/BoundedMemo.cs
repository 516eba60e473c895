using System.Collections.Concurrent;

namespace PipelineSdk.Tokens;

/// <summary>
/// A memory of facts about tokens that never go stale (the message a job's tokens hash, the salt a token text was
/// derived from), by text key, shared between threads. It is bounded: once it has taken <c>capacity</c> entries it
/// starts over, so what is forgotten is only derived again.
/// </summary>
internal sealed class BoundedMemo<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private int _taken;

    /// <summary>The value remembered for <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/>, first forgetting everything when full.</summary>
    public void Remember(string key, TValue value)
    {
        if (Interlocked.Increment(ref _taken) > capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _taken, 1);
        }

        _entries[key] = value;
    }
}
