namespace PipelineSdk.Generator.Tests.TestKit;

/// <summary>
/// A small hand-written stand-in for the runtime types the generated code names, so the state machine can be
/// generated into a test compilation without clashing with the runtime's own (still hand-written) enums.
/// <c>RecordingSender</c> records what the typed methods send.
/// </summary>
public static class RuntimeStandIn
{
    public const string Source = """
        #nullable enable
        namespace PipelineSdk.Tokens
        {
            /// <summary>Admin token stand-in.</summary>
            public sealed class AdminToken
            {
                /// <summary>Wraps a value.</summary>
                public AdminToken(string value) => Value = value;
                /// <summary>The value.</summary>
                public string Value { get; }
            }
        }

        namespace PipelineSdk
        {
            /// <summary>Access stand-in.</summary>
            public enum EventAccess
            {
                /// <summary>Internal.</summary>
                Internal,
                /// <summary>Client.</summary>
                Client,
                /// <summary>Indexer.</summary>
                Indexer,
                /// <summary>Admin.</summary>
                Admin,
            }
        }

        namespace PipelineSdk.Errors
        {
            /// <summary>Validation exception stand-in.</summary>
            public sealed class PipelineJobValidationException : System.Exception
            {
                /// <summary>Creates it.</summary>
                public PipelineJobValidationException(System.Collections.Generic.IReadOnlyList<string> problems)
                    : base(string.Join("; ", problems)) => Problems = problems;
                /// <summary>The problems.</summary>
                public System.Collections.Generic.IReadOnlyList<string> Problems { get; }
            }
        }

        namespace PipelineSdk.Stores
        {
            /// <summary>Snapshot stand-in: what was sent.</summary>
            public sealed class JobSnapshot
            {
                /// <summary>The event.</summary>
                public PipelineSdk.JobEvent LastEvent { get; init; }
                /// <summary>The payload.</summary>
                public System.Text.Json.Nodes.JsonObject? Data { get; init; }
                /// <summary>The admin token sent.</summary>
                public PipelineSdk.Tokens.AdminToken? AdminToken { get; init; }
            }
        }

        namespace PipelineSdk.Jobs
        {
            using PipelineSdk.Stores;

            /// <summary>Sender stand-in: the runtime declares this half by hand.</summary>
            public abstract partial class JobEventSender
            {
                /// <summary>Sends.</summary>
                protected abstract System.Threading.Tasks.Task<JobSnapshot> SendEventAsync(
                    PipelineSdk.JobEvent jobEvent, System.Text.Json.Nodes.JsonObject? data, PipelineSdk.Tokens.AdminToken? adminToken,
                    System.Threading.CancellationToken cancellationToken);
            }

            /// <summary>Returns what it was sent.</summary>
            public sealed class RecordingSender : JobEventSender
            {
                /// <summary>Echoes the event.</summary>
                protected override System.Threading.Tasks.Task<JobSnapshot> SendEventAsync(
                    PipelineSdk.JobEvent jobEvent, System.Text.Json.Nodes.JsonObject? data, PipelineSdk.Tokens.AdminToken? adminToken,
                    System.Threading.CancellationToken cancellationToken) =>
                    System.Threading.Tasks.Task.FromResult(new JobSnapshot { LastEvent = jobEvent, Data = data, AdminToken = adminToken });
            }
        }
        """;
}
