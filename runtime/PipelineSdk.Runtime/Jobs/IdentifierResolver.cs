using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;

namespace PipelineSdk.Jobs;

/// <summary>
/// Resolves <c>child_of</c>, <c>acted_on</c> and <c>acted_using</c> as the original does:
/// typed UUIDs are taken by their prefix without a lookup, other identifiers go to the <see cref="IIdentifierLookup"/>,
/// and unresolved ones are dropped. Results are unique and sorted.
/// </summary>
internal sealed class IdentifierResolver(IIdentifierLookup? lookup, ILogger logger)
{
    private static readonly UuidType[] MetadataTypes = [UuidType.ExperimentDesign, UuidType.Experiment, UuidType.Sample, UuidType.Measurement];

    /// <summary>
    /// The <c>child_of</c> UUIDs from the first metadata option given, in the original's order: experiment design,
    /// experiment, sample, measurement. None given: empty.
    /// </summary>
    /// <exception cref="PipelineJobValidationException">Nothing resolved, the types are mixed, or a UUID is not a metadata type.</exception>
    public async Task<IReadOnlyList<string>> ChildOfAsync(ManagedPipelineJobOptions options, CancellationToken cancellationToken)
    {
        var (option, ids) =
            options.ExperimentDesignId is { } designs ? ("ExperimentDesignId", designs) :
            options.ExperimentId is { } experiments ? ("ExperimentId", experiments) :
            options.SampleId is { } samples ? ("SampleId", samples) :
            options.MeasurementId is { } measurements ? ("MeasurementId", measurements) :
            (null, null);
        if (option is null || ids is null)
        {
            return [];
        }

        var resolved = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i] ?? throw new PipelineJobValidationException($"{option}[{i}] is null.");
            await ResolveOneAsync(id, option, metadata: true, resolved, cancellationToken).ConfigureAwait(false);
        }

        if (resolved.Count == 0)
        {
            throw new PipelineJobValidationException(
                $"{option}: unable to resolve any of the identifiers [{string.Join(", ", ids)}] to UUIDs; give typed UUIDs or identifiers the catalog knows.");
        }

        var types = resolved.Select(TypedUuid.GetType).Distinct().ToList();
        if (types.Count > 1)
        {
            throw new PipelineJobValidationException(
                $"{option}: cannot resolve a list of identifiers with mixed types ({string.Join(", ", types.Select(t => t.Name()))}).");
        }

        if (!MetadataTypes.Contains(types[0]))
        {
            throw new PipelineJobValidationException(
                $"{option}: '{resolved.First()}' is a {types[0].Name()} UUID; child_of takes experiment_design, experiment, sample or measurement UUIDs.");
        }

        return resolved.ToList();
    }

    /// <summary>The UUIDs of the files or references named by <paramref name="inputs"/> (the original's <c>self_from_inputs</c>).</summary>
    public async Task<SortedSet<string>> InputsAsync(IEnumerable<string> inputs, string option, CancellationToken cancellationToken)
    {
        var resolved = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            await ResolveOneAsync(input, option, metadata: false, resolved, cancellationToken).ConfigureAwait(false);
        }

        return resolved;
    }

    /// <summary>Adds the UUID of <paramref name="identifier"/> to <paramref name="resolved"/>: by prefix, else by look-up, else dropped.</summary>
    private async System.Threading.Tasks.Task ResolveOneAsync(string identifier, string option, bool metadata, SortedSet<string> resolved, CancellationToken cancellationToken)
    {
        var uuid = TypedUuid.IsValid(identifier) ? identifier.ToLowerInvariant()
            : lookup is null ? null
            : metadata ? await lookup.FindMetadataAsync(identifier, cancellationToken).ConfigureAwait(false)
            : await lookup.FindInputAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (uuid is null)
        {
            JobLog.Unresolved(logger, option, identifier);
            return;
        }

        resolved.Add(uuid);
    }
}
