using PipelineSdk.Http;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// A reactor built from the packed package that registers the job API with <c>AddPipelineJobs</c>: the settings come
/// through the generated binder, so what config.yml leaves out takes the schema's default.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ConfiguredServicesTests(PackedFeed packed)
{
    private const string Program = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using PipelineSdk.Configuration;
        using PipelineSdk.Http;
        using PipelineSdk.Jobs;
        using PipelineSdk.Stores;

        var configuration = new ConfigurationBuilder()
            .AddReactorConfiguration(new ReactorConfigurationOptions { Keys = ReactorSettingsBinder.Keys })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddPipelineJobs(configuration).AddEmbeddedStore().Services.BuildServiceProvider();
        var store = services.GetRequiredService<IPipelineJobStore>();
        await store.RegisterPipelineAsync("106c46ff-8186-5756-a934-071f4497b58d", null);
        var job = await services.GetRequiredService<PipelineJobFactory>().CreateJobAsync(new ManagedPipelineJobOptions { SetupArchivePath = false });
        await job.SetupAsync();
        var stored = await store.GetAsync(job.Uuid!);
        Console.WriteLine($"store: {store.GetType().Name}");
        Console.WriteLine($"api_server: {services.GetRequiredService<PipelinesSettings>().ApiServer}");
        Console.WriteLine($"http: {services.GetRequiredService<IOptions<PipelineHttpOptions>>().Value.ApiServer}");
        Console.WriteLine($"callback: {job.Callback!.Split('?')[0]}");
        Console.WriteLine($"owner: {stored.Admin.Owner}");
        """;

    [Fact]
    public void AddPipelineJobs_applies_the_schema_defaults_and_opens_the_configured_store()
    {
        packed.Write("Configured/Configured.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PipelineSdk" Version="$(PipelineSdkVersion)" />
                <PackageReference Include="PipelineSdk.Stores.Embedded" Version="$(PipelineSdkVersion)" />
              </ItemGroup>
            </Project>
            """);
        packed.Write("Configured/message.jsonschema", """
            { "$schema": "http://json-schema.org/draft-07/schema#", "title": "AbacoMessage", "type": "object" }
            """);
        packed.Write("Configured/Program.cs", Program);
        // No api_server: the default https://api.sd2e.org must reach the settings, the HTTP clients and the callback.
        packed.Write("Configured/config.yml", """
            pipelines:
              pipeline_uuid: 106c46ff-8186-5756-a934-071f4497b58d
              job_manager_id: jobs-manager.test
              job_manager_nonce: TEST_nonce1
            pipelinesdk:
              jobs_db: jobs.sqlite
              owner: sd2eadm
            """);
        var project = Path.Combine(packed.Workspace, "Configured");

        var run = DotnetProcess.Run(project, new Dictionary<string, string?> { ["USER"] = "" }, "run", "-c", "Release");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "store: EmbeddedJobStore",
                "api_server: https://api.sd2e.org",
                "http: https://api.sd2e.org/",
                "callback: https://api.sd2e.org/actors/v2/jobs-manager.test/messages",
                "owner: sd2eadm",
            ],
            run.Stdout.TrimEnd('\n').Split('\n').TakeLast(5));
        Assert.True(File.Exists(Path.Combine(project, "jobs.sqlite")));
    }
}
