namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="PipelineJobsServiceCollectionExtensions.AddPipelineJobs"/> returns: the service collection, for the
/// store packages' extension methods (<c>AddMongoStore()</c>, <c>AddEmbeddedStore()</c>).
/// </summary>
public interface IPipelineJobsBuilder
{
    /// <summary>The service collection the job API was added to.</summary>
    IServiceCollection Services { get; }
}
