// TEMPORARY: stand-ins for the core API that branches core-ids and core-tokens are writing (names from the lead's
// brief). They let the stores build and be tested before those branches land; this whole file is deleted when
// main is merged (the real public types then take their place under the same names).
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSdk.Errors;
using PipelineSdk.Jobs;
using PipelineSdk.Tokens;

#pragma warning disable CS1591 // temporary stand-ins, deleted at merge

namespace PipelineSdk.Identifiers
{
    internal enum UuidType { Generic, Pipeline, PipelineJob, PipelineJobEvent }

    internal static class TypedUuid
    {
        private static readonly Guid Namespace = Guid.Parse("54765aeb-44ca-374a-9a9f-eb4658383ee4");

        private static string PrefixOf(UuidType type) => type switch
        {
            UuidType.Generic => "100",
            UuidType.Pipeline => "106",
            UuidType.PipelineJob => "107",
            _ => "108",
        };

        public static string Create(string text, UuidType type)
        {
            var ns = Namespace.ToByteArray(bigEndian: true);
            var hash = SHA1.HashData([.. ns, .. Encoding.UTF8.GetBytes(text)]);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            var canonical = new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
            return PrefixOf(type) + canonical[3..];
        }

        public static string CreateRandom(UuidType type) =>
            Create(RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 128), type);

        public static bool IsValid(string? text) => text is { Length: 36 } && Guid.TryParse(text, out _);
    }

    internal static class PythonJson
    {
        public static string Dumps(JsonNode? node)
        {
            var builder = new StringBuilder();
            Write(node, builder);
            return builder.ToString();
        }

        private static void Write(JsonNode? node, StringBuilder builder)
        {
            switch (node)
            {
                case null: builder.Append("null"); break;
                case JsonObject obj:
                    builder.Append('{');
                    var first = true;
                    foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        if (!first) builder.Append(',');
                        first = false;
                        WriteString(key, builder);
                        builder.Append(':');
                        Write(value, builder);
                    }
                    builder.Append('}');
                    break;
                case JsonArray array:
                    builder.Append('[');
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (i > 0) builder.Append(',');
                        Write(array[i], builder);
                    }
                    builder.Append(']');
                    break;
                default:
                    if (node.GetValueKind() == JsonValueKind.String) WriteString(node.GetValue<string>(), builder);
                    else builder.Append(node.ToJsonString());
                    break;
            }
        }

        private static void WriteString(string text, StringBuilder builder)
        {
            builder.Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20 || c > 0x7e) builder.Append("\\u").Append(((int)c).ToString("x4"));
                        else builder.Append(c);
                        break;
                }
            }
            builder.Append('"');
        }
    }

    internal static class JobUuid
    {
        public static string Compute(string pipelineUuid, IEnumerable<string> childOf, JsonObject data)
        {
            var parts = new[]
            {
                pipelineUuid,
                "[" + string.Join(", ", childOf.Select(c => "'" + c + "'")) + "]",
                PythonJson.Dumps(data),
            };
            Array.Sort(parts, StringComparer.Ordinal);
            return TypedUuid.Create(string.Join(":", parts), UuidType.PipelineJob);
        }
    }
}

namespace PipelineSdk.Tokens
{
    internal static class Salts
    {
        public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    }

    internal static class UpdateTokens
    {
        public static UpdateToken Derive(string salt, string jobUuid, JobAdmin admin) => new(Compute(salt, jobUuid, admin));

        public static CallbackToken DeriveCallback(string callbackSalt, string jobUuid, JobAdmin admin) =>
            new(Compute(callbackSalt, jobUuid, admin));

        private static string Compute(string salt, string jobUuid, JobAdmin admin)
        {
            var message = $"{salt}:['{jobUuid}', {{'owner': '{admin.Owner}', 'project': '{admin.Project}', 'tenant': '{admin.Tenant}'}}]";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)))[..16];
        }
    }
}

