using System.Collections;

namespace PipelineSdk.Stores.Internal;

/// <summary>
/// A stored document independent of the database library: ordered fields whose values are null, string, bool, int,
/// long, double, <see cref="DateTime"/> (UTC), <see cref="StoredDocument"/>, <see cref="List{T}"/> of values, or a
/// library value passed through untouched (ObjectId, binary). Each store converts it to and from its own BSON type,
/// so the layout and every rule about it are written once.
/// </summary>
internal sealed class StoredDocument : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    /// <summary>The fields in stored order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>The value of a field, or null when absent.</summary>
    public object? this[string name]
    {
        get => _fields.Find(f => f.Key == name).Value;
        set
        {
            var index = _fields.FindIndex(f => f.Key == name);
            if (index < 0)
            {
                _fields.Add(new(name, value));
            }
            else
            {
                _fields[index] = new(name, value);
            }
        }
    }

    /// <summary>Appends a field (collection-initializer syntax).</summary>
    public void Add(string name, object? value) => _fields.Add(new(name, value));

    /// <summary>A text field, or null.</summary>
    public string? Text(string name) => this[name] as string;

    /// <summary>A nested document, or null.</summary>
    public StoredDocument? Document(string name) => this[name] as StoredDocument;

    /// <summary>An array field, or an empty list.</summary>
    public IReadOnlyList<object?> Array(string name) => this[name] as List<object?> ?? [];

    /// <summary>The text items of an array field.</summary>
    public IReadOnlyList<string> Texts(string name) => Array(name).OfType<string>().ToList();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
