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

    /// <summary>Python's <c>uuid.uuid3(namespace, name)</c>.</summary>
    public static Guid Version3(Guid namespaceId, string name) => Create(namespaceId, name, version: 3);

    /// <summary>Python's <c>uuid.uuid5(namespace, name)</c>.</summary>
    public static Guid Version5(Guid namespaceId, string name) => Create(namespaceId, name, version: 5);

    private static Guid Create(Guid namespaceId, string name, int version)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        _ = version == 3 ? MD5.HashData(input, hash) : SHA1.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | (version << 4));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
