using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using PipelineSdk.Errors;

namespace PipelineSdk.Identifiers;

/// <summary>
/// Typed UUIDs, byte-compatible with the Python original's <c>typed_uuid</c>: a version 5 UUID of the text in the
/// catalog namespace whose first three hex digits are replaced by the type's prefix.
/// </summary>
public static class TypedUuid
{
    private const string RandomTextAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int RandomTextLength = 128;

    /// <summary>The catalog namespace: <c>uuid3(NAMESPACE_DNS, 'sd2e.org')</c> = <c>54765aeb-44ca-374a-9a9f-eb4658383ee4</c>.</summary>
    public static Guid Namespace { get; } = NameBasedUuid.Version3(NameBasedUuid.DnsNamespace, "sd2e.org");

    /// <summary>
    /// The typed UUID of <paramref name="text"/>: uuid5 of its UTF-8 bytes in <see cref="Namespace"/>, first three hex
    /// digits replaced by the prefix of <paramref name="type"/>, in lower-case canonical form.
    /// </summary>
    public static string Create(string text, UuidType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Create(text.AsSpan(), type);
    }

    /// <summary>
    /// A random typed UUID, made like the original's history entry ids: the typed UUID of 128 characters drawn
    /// uniformly from A-Z and 0-9 by a cryptographic generator.
    /// </summary>
    public static string CreateRandom(UuidType type)
    {
        Span<char> text = stackalloc char[RandomTextLength];
        RandomNumberGenerator.GetItems(RandomTextAlphabet, text);
        return Create(text, type);
    }

    private static string Create(ReadOnlySpan<char> text, UuidType type) =>
        string.Create(36, (Uuid: NameBasedUuid.Version5(Namespace, text), Prefix: type.Prefix()), static (chars, state) =>
        {
            state.Uuid.TryFormat(chars, out _, "D");
            state.Prefix.AsSpan().CopyTo(chars);
        });

    /// <summary>
    /// The type of a typed UUID: true when <paramref name="value"/> is UUID text (canonical or 32 hex digits, any
    /// case, any version) whose first three digits are a known prefix. A <c>uri:urn:</c> prefix is not accepted,
    /// because the original's <c>validate</c> and <c>get_uuidtype</c> do not accept it either.
    /// </summary>
    public static bool TryGetType([NotNullWhen(true)] string? value, out UuidType type)
    {
        type = default;
        return UuidText.TryGetHex(value, out _) && UuidTypes.TryParsePrefix(value.AsSpan(0, 3), out type);
    }

    /// <summary>The type of a typed UUID, or an exception naming the value.</summary>
    /// <exception cref="PipelineJobValidationException">The value is not UUID text or its prefix is unknown.</exception>
    public static UuidType GetType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (TryGetType(value, out var type))
        {
            return type;
        }

        var reason = UuidText.TryGetHex(value, out _) ? $"its prefix '{value[..3]}' is not a known type" : "it is not UUID text";
        throw new PipelineJobValidationException($"'{value}' is not a typed UUID: {reason}.");
    }

    /// <summary>
    /// The one spelling of a UUID that the SDK stores and looks up: lower-case canonical <c>8-4-4-4-12</c>, as Python's
    /// <c>str(uuid.UUID(...))</c> writes it. Upper-case or bare 32-digit text of the same UUID maps to it, so a job is
    /// found and its tokens (derived from that text) match whichever spelling a client used. Text that is not UUID
    /// text is returned unchanged, for the caller's own validation to name.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? ToCanonical(string? value)
    {
        if (!UuidText.TryGetHex(value, out var hex))
        {
            return value;
        }

        return string.Create(36, hex, static (text, digits) =>
        {
            var at = 0;
            for (var i = 0; i < 32; i++)
            {
                if (i is 8 or 12 or 16 or 20)
                {
                    text[at++] = '-';
                }

                text[at++] = digits[i];
            }
        });
    }

    /// <summary>True when <paramref name="value"/> is a typed UUID (see <see cref="TryGetType"/>).</summary>
    public static bool IsValid([NotNullWhen(true)] string? value) => TryGetType(value, out _);

    /// <summary>True when <paramref name="value"/> is a typed UUID of type <paramref name="type"/>.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value, UuidType type) => TryGetType(value, out var actual) && actual == type;
}
