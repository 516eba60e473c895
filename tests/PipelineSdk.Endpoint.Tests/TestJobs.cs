using System.Text.Json.Nodes;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores;
using PipelineSdk.Tokens;

namespace PipelineSdk.Endpoint.Tests;

/// <summary>Stores and jobs for the tests: a temp embedded store with the test pipeline registered, and new jobs in it.</summary>
internal static class TestJobs
{
    public const string Pipeline = "106c46ff-8186-5756-a934-071f4497b58d";
    public const string AdminKey = "test-key";
    public const string AdminSecret = "test-secret";

    public static AdminTokenAuthority Admins { get; } = new(new AdminTokenOptions { Key = AdminKey, Secret = AdminSecret });

    public static JobStoreOptions StoreOptions => new() { AdminTokens = Admins };

    public static string TempFile() => Path.Combine(Path.GetTempPath(), $"endpoint-tests-{Guid.NewGuid():N}.db");

    public static async Task<EmbeddedJobStore> EmbeddedAsync(string? file = null)
    {
        var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file ?? TempFile() }, StoreOptions);
        await store.RegisterPipelineAsync(Pipeline, new JsonObject { ["name"] = "Endpoint tests" });
        return store;
    }

    public static Task<JobSnapshot> CreateAsync(IPipelineJobStore store, string? marker = null) => store.CreateAsync(new NewJob
    {
        PipelineUuid = Pipeline,
        ArchivePath = "/products/v2/106c46ff81865756a934071f4497b58d/endpoint",
        Data = new JsonObject { ["marker"] = marker ?? Guid.NewGuid().ToString("N") },
        Session = "sensible-adder",
        Admin = new JobAdmin("sd2eadm"),
    });

    /// <summary>Everything an event changes: equal fingerprints mean nothing was written.</summary>
    public static async Task<string> FingerprintAsync(IPipelineJobStore store, string uuid)
    {
        var job = await store.GetAsync(uuid);
        return string.Join("|", job.Revision, job.State, job.LastEvent, job.History.Count, job.UpdateToken.Reveal(), job.ModifiedDate.ToUnixTimeSeconds());
    }
}
