namespace PipelineSdk.Jobs;

/// <summary>
/// Resolves identifiers that are not typed UUIDs to the UUIDs of catalog records, as the original's
/// <c>get_by_identifier</c> (metadata) and <c>self_from_inputs</c> (files and references) do. The job stores do not
/// hold the catalog's metadata collections; a deployment that has them implements this narrow interface.
/// Without one, only typed UUIDs resolve.
/// </summary>
public interface IIdentifierLookup
{
    /// <summary>
    /// The typed UUID of the experiment design, experiment, sample or measurement named by <paramref name="identifier"/>
    /// (for example <c>experiment.ginkgo.10001</c>), or null when there is none.
    /// </summary>
    Task<string?> FindMetadataAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>
    /// The typed UUID of the reference (by <c>uri</c> or <c>reference_id</c>, looked up first) or file (by <c>name</c>
    /// or <c>file_id</c>; an <c>agave://system/path</c> is looked up by its path) named by <paramref name="identifier"/>,
    /// or null when there is none.
    /// </summary>
    Task<string?> FindInputAsync(string identifier, CancellationToken cancellationToken);
}
