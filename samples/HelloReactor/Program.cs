// The sample reactor: the lifecycle of one PipelineJob on the store its config chooses (the embedded file
// pipelinesdk.jobs_db, or MongoDB with a mongodb section or --mongo URI), with a local events endpoint standing in for
// the jobs-manager actor, and a local fake Agave that runs the job the reactor launches and posts its notifications to
// that endpoint.
using System.Text.Json.Nodes;
using HelloReactor;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSdk.Agave;
using PipelineSdk.Auth;
using PipelineSdk.Configuration;
using PipelineSdk.Endpoint;
using PipelineSdk.Http;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Reactors;
using PipelineSdk.Stores;
using PipelineSdk.Stores.Embedded;
using PipelineSdk.Stores.Mongo;
using PipelineSdk;

var mongoUri = args.Length == 2 && args[0] == "--mongo" ? args[1] : null;
if (args.Length > 0 && mongoUri is null)
{
    Console.Error.WriteLine("usage: dotnet run [-- --mongo mongodb://HOST:PORT/DATABASE]");
    return 2;
}

// config.yml (next to the app) with _REACTOR_* overrides, bound to the types generated from
// schemas/config/hello_reactor.schema.json: the canonical sections plus `hello`.
var settings = ReactorSettingsLoader.Load(HelloReactorSettingsBinder.Bind, HelloReactorSettingsBinder.Keys);
if (mongoUri is not null)
{
    settings = settings with { Mongodb = MongoJobStores.SettingsFromConnectionString(mongoUri) };
}

var pipelines = settings.Pipelines!;

// The message that starts the reactor: Abaco's MSG when set, else a default one; read into the generated record.
var reactor = ReactorContext.FromEnvironment();
var message = reactor.RawMessage is null
    ? HelloMessage.FromJson(new JsonObject { ["experiment_id"] = "102edd93-29d6-5483-b60b-8dfd4d094b9c", ["sample"] = "world" })
    : reactor.ReadMessage<HelloMessage>();

// The store the settings choose: MongoDB with a mongodb section, else the embedded file pipelinesdk.jobs_db.
IPipelineJobStore store = settings.Mongodb is { } section
    ? MongoJobStores.Open(section, settings.Pipelines, settings.Pipelinesdk)
    : EmbeddedJobStores.Open(settings.Pipelines, settings.Pipelinesdk);
var storeName = settings.Mongodb is { } mongodb
    ? "MongoDB database " + mongodb.Database
    : "embedded store " + Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(settings.Pipelinesdk?.JobsDb ?? EmbeddedJobStores.DefaultFilePath()));
Console.WriteLine($"Store: {storeName}");
if (await store.FindPipelineAsync(pipelines.PipelineUuid!) is null)
{
    await store.RegisterPipelineAsync(pipelines.PipelineUuid!, new JsonObject { ["name"] = "hello-reactor sample pipeline" });
    Console.WriteLine($"Registered pipeline {pipelines.PipelineUuid}");
}

// The jobs-manager stand-in: the events endpoint on a free loopback port; callback URLs point at it.
var endpoint = PipelineJobEventsHost.Build(new PipelineJobEventsHostOptions
{
    Store = store,
    ConfigureEvents = events =>
    {
        events.ManagerIds.Add(pipelines.JobManagerId!);
        events.Nonces.Add(new EndpointNonce(pipelines.JobManagerNonce!));
    },
    // One line per request on stderr (without query strings, so without secrets); no hosting chatter.
    ConfigureLogging = logging => logging.AddSimpleConsole(console => console.SingleLine = true).AddFilter("Microsoft.Hosting", LogLevel.Warning),
});
endpoint.Urls.Clear();
endpoint.Urls.Add("http://127.0.0.1:0");
await endpoint.StartAsync();
var endpointUrl = endpoint.Urls.First();
Console.WriteLine($"Events endpoint: {endpointUrl}");

// Agave's jobs API, faked on another loopback port; the SDK's typed client talks to it as it would to Tapis. A reactor
// on Abaco sets ApiServer from pipelines.api_server and AccessToken from its _abaco_access_token.
await using var agave = await FakeAgave.StartAsync();
await using var http = new ServiceCollection()
    .AddLogging()
    .AddPipelineSdkHttp(options =>
    {
        options.ApiServer = agave.BaseUri;
        options.AccessToken = "sample-access-token";
    })
    .BuildServiceProvider();
var agaveJobs = http.GetRequiredService<AgaveJobsClient>();

try
{
    var job = await ManagedPipelineJob.CreateAsync(store, pipelines with { ApiServer = endpointUrl },
        new ManagedPipelineJobOptions { ExperimentId = [message.ExperimentId], Admin = new JobAdmin(reactor.Username) });
    await job.SetupAsync(new JsonObject { ["sample"] = message.Sample, ["greeting"] = settings.Hello!.Greeting });
    Console.WriteLine($"Job:          {job.Uuid}");
    Console.WriteLine($"State:        {job.State!.Value.ToWireName()}");
    Console.WriteLine($"Archive path: {job.ArchivePath}");
    Console.WriteLine($"Callback URL: {Redaction.HideSecrets(job.Callback!)}");

    if (job.State != JobState.Created)
    {
        // Same pipeline, experiment and data: the same job. It is reused, not created again.
        Console.WriteLine($"Job {job.Uuid} already exists ({job.State.Value.ToWireName()}): reused, no events sent.");
    }
    else
    {
        await job.RunAsync();
        Console.WriteLine($"Sent run -> {job.State!.Value.ToWireName()}");
        var steps = settings.Hello.Steps;
        for (var step = 1; step <= steps; step++)
        {
            // The payload record generated from schemas/events/progress.schema.json, validated before it is sent.
            var progress = new Progress { Percent = step * 100 / (steps + 1), Step = $"saying hello to {message.Sample} ({step}/{steps})" };
            await job.UpdateAsync(progress);
            Console.WriteLine($"Sent update {progress.Percent}%");
        }

        // Launch the Agave job that does the work, with the job's notifications (RUNNING, FINISHED, FAILED) attached:
        // Agave then moves the PipelineJob through the events endpoint by itself. A real reactor ends here; the sample
        // waits for its fake Agave to finish so that it can print the outcome.
        var agaveJob = await agaveJobs.SubmitAsync(
            new AgaveJobDefinition
            {
                Name = "hello-" + job.Session,
                AppId = "hello-reactor-0.1.0",
                Parameters = new JsonObject { ["sample"] = message.Sample },
                Archive = true,
                ArchiveSystem = job.ArchiveSystem,
                ArchivePath = job.ArchivePath,
            },
            job.AgaveNotifications());
        Console.WriteLine($"Submitted Agave job {agaveJob.Id} ({agaveJob.Status}) with the job's notifications");
        await agave.WhenDoneAsync(agaveJob.Id);
        Console.WriteLine($"Agave job status: {await agaveJobs.GetStatusAsync(agaveJob.Id)}");
        await job.RefreshAsync();
    }

    var stored = await store.GetAsync(job.Uuid!);
    Console.WriteLine();
    Console.WriteLine($"Job {stored.Uuid} is {stored.State.ToWireName()} after '{stored.LastEvent.ToWireName()}'. History:");
    HistoryTable.Write(Console.Out, stored.History);
    return 0;
}
finally
{
    await endpoint.StopAsync();
    await endpoint.DisposeAsync();
    (store as IDisposable)?.Dispose();
}
