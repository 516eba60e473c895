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
                    var element = node.GetValue<JsonElement>();
                    if (element.ValueKind == JsonValueKind.String) WriteString(element.GetString()!, builder);
                    else builder.Append(element.GetRawText());
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

    public sealed class AdminTokenAuthority(string key, string secret, int lifetimeSeconds = 3600, TimeProvider? clock = null)
    {
        private readonly TimeProvider _clock = clock ?? TimeProvider.System;

        public AdminToken Current() => new(Compute(_clock.GetUtcNow().ToUnixTimeSeconds()));

        public bool IsValid(AdminToken? token)
        {
            if (token is null) return false;
            var now = _clock.GetUtcNow().ToUnixTimeSeconds();
            return TokenComparer.FixedTimeEquals(token.Reveal(), Compute(now))
                | TokenComparer.FixedTimeEquals(token.Reveal(), Compute(now - lifetimeSeconds));
        }

        public void Demand(AdminToken? token, string operation)
        {
            if (!IsValid(token)) throw new AdminTokenRequiredException(operation);
        }

        private string Compute(long unixSeconds)
        {
            var window = new BigInteger(unixSeconds / lifetimeSeconds).ToString();
            var message = string.Join(":", new[] { secret, key }.Concat(window.Select(d => d.ToString())));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)))[..16];
        }
    }
}

namespace PipelineSdk
{
    internal enum EventAccess { Internal, Client, Indexer, Admin }

    internal static class JobStateMachine
    {
        private static readonly JobState[] All = Enum.GetValues<JobState>();

        private static readonly Dictionary<JobEvent, (JobState[] Sources, JobState? Destination)> Table = new()
        {
            [JobEvent.Create] = ([JobState.Created], JobState.Created),
            [JobEvent.Run] = ([JobState.Created, JobState.Running], JobState.Running),
            [JobEvent.Update] = ([JobState.Created, JobState.Running, JobState.Validating, JobState.Indexing], null),
            [JobEvent.Resource] = ([JobState.Created, JobState.Running], null),
            [JobEvent.Fail] = ([JobState.Created, JobState.Running, JobState.Validating, JobState.Indexing], JobState.Failed),
            [JobEvent.Finish] = ([JobState.Running, JobState.Finished], JobState.Finished),
            [JobEvent.Index] = ([JobState.Indexing, JobState.Finished], JobState.Indexing),
            [JobEvent.Indexed] = ([JobState.Finished, JobState.Indexing], JobState.Finished),
            [JobEvent.Validate] = ([JobState.Finished, JobState.Validated], JobState.Validating),
            [JobEvent.Validated] = ([JobState.Validated, JobState.Validating], JobState.Validated),
            [JobEvent.Reject] = ([JobState.Validating], JobState.Rejected),
            [JobEvent.Finalize] = ([JobState.Validated], JobState.Finalized),
            [JobEvent.Retire] = ([JobState.Failed, JobState.Finalized, JobState.Finished, JobState.Rejected, JobState.Validating, JobState.Validated], JobState.Retired),
            [JobEvent.Reset] = (All, JobState.Reset),
            [JobEvent.Ready] = ([JobState.Reset], JobState.Created),
        };

        public static IReadOnlyList<JobState> SourcesOf(JobEvent jobEvent) => Table[jobEvent].Sources;

        public static JobState? DestinationOf(JobEvent jobEvent) => Table[jobEvent].Destination;

        public static JobState Apply(JobState state, JobEvent jobEvent) =>
            Table[jobEvent].Sources.Contains(state)
                ? Table[jobEvent].Destination ?? state
                : throw new InvalidTransitionException(state, jobEvent);

        public static EventAccess AccessOf(JobEvent jobEvent) => jobEvent switch
        {
            JobEvent.Create => EventAccess.Internal,
            JobEvent.Index or JobEvent.Indexed => EventAccess.Indexer,
            JobEvent.Reset or JobEvent.Ready => EventAccess.Admin,
            _ => EventAccess.Client,
        };
    }
}
