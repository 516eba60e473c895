using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PipelineSdk.Identifiers;

/// <summary>
/// RFC 4122 §4.3 name-based UUIDs (version 3 with MD5, version 5 with SHA-1), as Python's <c>uuid.uuid3</c> and
/// <c>uuid.uuid5</c> compute them: hash of the namespace's 16 bytes in network order followed by the UTF-8 name.
/// </summary>
internal static class NameBasedUuid
{
    /// <summary>The RFC 4122 DNS namespace, <c>6ba7b810-9dad-11d1-80b4-00c04fd430c8</c>.</summary>
    public static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>The longest hashed input built on the stack: the namespace and a name of up to 160 ASCII characters.</summary>
    private const int StackInputBytes = 16 + 160;

    /// <summary>Python's <c>uuid.uuid3(namespace, name)</c>.</summary>
    public static Guid Version3(Guid namespaceId, string name) => Create(namespaceId, name ?? throw new ArgumentNullException(nameof(name)), version: 3);

    /// <summary>Python's <c>uuid.uuid5(namespace, name)</c>.</summary>
    public static Guid Version5(Guid namespaceId, ReadOnlySpan<char> name) => Create(namespaceId, name, version: 5);

    private static Guid Create(Guid namespaceId, ReadOnlySpan<char> name, int version)
    {
        // The hashed input is built on the stack for the usual short names (history entries make one per event).
        var size = 16 + Encoding.UTF8.GetMaxByteCount(name.Length);
        var rented = size > StackInputBytes ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> input = rented is null ? stackalloc byte[StackInputBytes] : rented;
        try
        {
            namespaceId.TryWriteBytes(input, bigEndian: true, out _);
            var length = 16 + Encoding.UTF8.GetBytes(name, input[16..]);
            Span<byte> hash = stackalloc byte[20];
            _ = version == 3 ? MD5.HashData(input[..length], hash) : SHA1.HashData(input[..length], hash);
            var bytes = hash[..16];
            bytes[6] = (byte)((bytes[6] & 0x0F) | (version << 4));
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes, bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
