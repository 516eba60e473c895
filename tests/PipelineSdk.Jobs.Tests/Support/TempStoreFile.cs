using Microsoft.Extensions.Logging;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>A SQLite file in the temp folder for one test, with every store opened on it; deleted on dispose.</summary>
public sealed class TempStoreFile : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "psdk-jobs-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly List<IDisposable> _opened = [];

    public IPipelineJobStore Open(JobStoreOptions options, ILoggerFactory loggerFactory)
    {
        var store = StoreKinds.Embedded(_file, options, loggerFactory);
        _opened.Add((IDisposable)store);
        return store;
    }

    public void Dispose()
    {
        _opened.ForEach(s => s.Dispose());
        File.Delete(_file);
    }
}
