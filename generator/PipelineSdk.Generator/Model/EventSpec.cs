namespace PipelineSdk.Generator.Model;

/// <summary>One event of the state machine with its transition.</summary>
/// <param name="WireName">The stored event name (e.g. <c>run</c>).</param>
/// <param name="Identifier">The <c>JobEvent</c> member (e.g. <c>Run</c>).</param>
/// <param name="Description">The transition's description, used for XML docs.</param>
/// <param name="Sources">The <c>JobState</c> members the event may be sent from, in the schema's order (all states, in definition order, for the any-state marker).</param>
/// <param name="Destination">The <c>JobState</c> member the event moves to, or null when the state does not change.</param>
/// <param name="Access">The <c>EventAccess</c> member (Internal, Client, Indexer, Admin).</param>
/// <param name="MethodName">The typed sender method (e.g. <c>RunAsync</c>), or null for internal events.</param>
internal sealed record EventSpec(
    string WireName,
    string Identifier,
    string? Description,
    EquatableArray<string> Sources,
    string? Destination,
    string Access,
    string? MethodName)
{
    /// <summary>Admin events take an admin token as their first parameter.</summary>
    public bool RequiresAdminToken => Access == "Admin";
}
