namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The builder <see cref="PipelineJobsServiceCollectionExtensions.AddPipelineJobs"/> returns.</summary>
internal sealed class PipelineJobsBuilder(IServiceCollection services) : IPipelineJobsBuilder
{
    public IServiceCollection Services { get; } = services;
}
