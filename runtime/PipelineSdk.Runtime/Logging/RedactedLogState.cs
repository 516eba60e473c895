using System.Collections;
using System.Globalization;

namespace PipelineSdk.Logging;

/// <summary>
/// A log entry's state with every value, the message template included, turned into redacted text; its
/// <see cref="ToString"/> is the redacted formatted message.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;
    private readonly string _message;

    private RedactedLogState(KeyValuePair<string, object?>[] values, string message)
    {
        _values = values;
        _message = message;
    }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>Redacts <paramref name="state"/>; <paramref name="message"/> is the already redacted formatted text.</summary>
    public static RedactedLogState Create<TState>(TState state, string message, SecretRedactor redactor)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(pair => new KeyValuePair<string, object?>(pair.Key, RedactValue(pair.Value, redactor))).ToArray()
            : [];
        return new RedactedLogState(values, message);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _message;

    private static object? RedactValue(object? value, SecretRedactor redactor)
    {
        if (value is null)
        {
            return null;
        }

        var text = value is IEnumerable sequence and not string
            ? string.Join(", ", sequence.Cast<object?>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)))
            : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var redacted = redactor.Redact(text);
        // Numbers and booleans stay typed when they hold no secret, so structured sinks keep their types.
        return (value.GetType().IsPrimitive || value is decimal) && redacted == text ? value : redacted;
    }
}
