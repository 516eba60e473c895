using Microsoft.Extensions.Logging;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs.Tests;

/// <summary>The lifecycle suite on the embedded SQLite store (a temp file).</summary>
public sealed class EmbeddedJobLifecycleTests : JobLifecycleTests, IDisposable
{
    private readonly TempStoreFile _file = new();

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _file.Open(options, loggerFactory);

    public void Dispose() => _file.Dispose();
}
