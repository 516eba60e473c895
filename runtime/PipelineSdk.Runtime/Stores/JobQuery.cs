namespace PipelineSdk.Stores;

/// <summary>Criteria for <see cref="IPipelineJobStore.QueryAsync"/>; every criterion given must hold.</summary>
public sealed record JobQuery
{
    /// <summary>Only jobs in this state.</summary>
    public JobState? State { get; init; }

    /// <summary>Only jobs of this pipeline.</summary>
    public string? PipelineUuid { get; init; }

    /// <summary>Only jobs whose <c>child_of</c> contains this metadata uuid.</summary>
    public string? ChildOf { get; init; }

    /// <summary>Only jobs updated at or after this time.</summary>
    public DateTimeOffset? UpdatedFrom { get; init; }

    /// <summary>Only jobs updated before this time.</summary>
    public DateTimeOffset? UpdatedBefore { get; init; }

    /// <summary>Also list soft-deleted jobs.</summary>
    public bool IncludeHidden { get; init; }

    /// <summary>At most this many jobs (all when null).</summary>
    public int? Limit { get; init; }
}
