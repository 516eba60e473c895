using Microsoft.Extensions.Logging;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>A database of its own on the shared wire server for one test; dropped afterwards.</summary>
public sealed class TempMongoDatabase(CongoServerFixture server)
{
    private readonly string _name = "psdk_jobs_" + Guid.NewGuid().ToString("N");

    public IPipelineJobStore Open(JobStoreOptions options, ILoggerFactory loggerFactory) => StoreKinds.Mongo(server, _name, options, loggerFactory);

    public Task DropAsync() => server.Client.DropDatabaseAsync(_name);
}
