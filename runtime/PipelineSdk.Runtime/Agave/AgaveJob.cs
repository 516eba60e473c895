using System.Text.Json.Nodes;

namespace PipelineSdk.Agave;

/// <summary>An Agave job as the jobs API describes it after a submission.</summary>
/// <param name="Id">The Agave job id, e.g. <c>6583653933928541720-242ac11b-0001-007</c>.</param>
/// <param name="Status">Its status when the answer was given (<c>PENDING</c>, <c>ACCEPTED</c>, …), or null when Agave gave none.</param>
/// <param name="Json">Everything Agave returned about the job (its <c>result</c>).</param>
public sealed record AgaveJob(string Id, string? Status, JsonObject Json);
