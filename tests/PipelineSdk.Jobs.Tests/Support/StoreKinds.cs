using Microsoft.Extensions.Logging;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk.Stores.Tests.WireServer;

namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>Opens stores for a test: a fresh MongoDB database on the shared wire server, or a temp SQLite file.</summary>
public static class StoreKinds
{
    public static IPipelineJobStore Mongo(CongoServerFixture server, string database, JobStoreOptions options, ILoggerFactory loggerFactory) =>
        new MongoJobStore(server.Client.GetDatabase(database), options, loggerFactory.CreateLogger<MongoJobStore>());

    public static IPipelineJobStore Embedded(string file, JobStoreOptions options, ILoggerFactory loggerFactory) =>
        new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = file }, options, loggerFactory.CreateLogger<EmbeddedJobStore>());
}
