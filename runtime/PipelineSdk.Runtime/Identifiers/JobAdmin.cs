namespace PipelineSdk.Identifiers;

/// <summary>The <c>_admin</c> block of a job: who owns it. Its Python repr is part of every update token.</summary>
/// <param name="Owner">The owning user (the original reads TACC_USERNAME, AGAVE_USERNAME, ... USER).</param>
/// <param name="Project">The project, <c>SD2E-Community</c> by default.</param>
/// <param name="Tenant">The tenant, <c>sd2e</c> by default.</param>
public sealed record JobAdmin(string Owner, string Project = "SD2E-Community", string Tenant = "sd2e");
