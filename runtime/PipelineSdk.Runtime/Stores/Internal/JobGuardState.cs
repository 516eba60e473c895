using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;

namespace PipelineSdk.Stores.Internal;

/// <summary>The parts of a stored job that an event's conditions look at.</summary>
/// <param name="State">The current state.</param>
/// <param name="Salt">The current salt (<c>_salt</c>).</param>
/// <param name="RecentSalts">The salt window (<c>_recent_salts</c>), oldest first, usually ending with the current salt.</param>
/// <param name="CallbackSalt">The non-rotating callback salt, absent on documents the Python original created.</param>
/// <param name="Admin">Ownership, part of every token.</param>
/// <param name="Visible">False for a soft-deleted job (<c>_visible: false</c>), which takes no events.</param>
internal sealed record JobGuardState(
    JobState State,
    string? Salt,
    IReadOnlyList<string> RecentSalts,
    string? CallbackSalt,
    JobAdmin Admin,
    bool Visible = true)
{
    /// <summary>The update-token salts still accepted: the current one and the window.</summary>
    public IEnumerable<string> AcceptedSalts => Salt is null ? RecentSalts : RecentSalts.Prepend(Salt).Distinct();
}
