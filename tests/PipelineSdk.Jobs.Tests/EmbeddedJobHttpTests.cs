using Microsoft.Extensions.Logging;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs.Tests;

/// <summary>The HTTP suite on the embedded store.</summary>
public sealed class EmbeddedJobHttpTests : JobHttpTests, IDisposable
{
    private readonly TempStoreFile _file = new();

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _file.Open(options, loggerFactory);

    public void Dispose() => _file.Dispose();
}
