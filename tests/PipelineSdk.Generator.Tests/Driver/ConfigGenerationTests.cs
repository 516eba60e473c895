using System.Reflection;
using Microsoft.Extensions.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Driver;

/// <summary>Config schemas: settings records and reflection-free binders, compiled against the runtime assembly.</summary>
public sealed class ConfigGenerationTests
{
    private static readonly Schema Canonical = Schema.Canonical("reactor_config.schema.json", "Config");
    private static readonly Schema User = Schema.Test("my_reactor.schema.json", "Config", "/project/config/app/");

    private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.Run([Canonical with { Path = "/project/schemas/reactor_config.schema.json" }, User], Runtime.Assembly));

    [Fact]
    public void Generated_code_compiles_without_any_warning()
    {
        var run = Generated.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        Assert.Equal(["PipelineSdk.Config.MyReactor.g.cs", "PipelineSdk.Config.ReactorConfig.g.cs"], run.HintNames.Order());
    }

    [Fact]
    public void Canonical_defaults_apply_and_values_convert_to_declared_types()
    {
        var settings = Bind("PipelineSdk.Configuration.ReactorSettingsBinder", new()
        {
            ["pipelines:job_manager_id"] = "jobs-manager",
            ["pipelines:state_enter"] = "true",
            ["mongodb:port"] = "27018",
            ["logs:level"] = "INFO",
        });

        Assert.Equal("jobs-manager", Read(settings, "Pipelines.JobManagerId"));
        Assert.Equal("https://api.sd2e.org", Read(settings, "Pipelines.ApiServer"));
        Assert.Equal(new[] { "/products/v2" }, (IEnumerable<string>)Read(settings, "Pipelines.ArchiveRoots")!);
        Assert.Equal(true, Read(settings, "Pipelines.StateEnter"));
        Assert.Equal(3600L, Read(settings, "Pipelines.AdminTokenLifetime"));
        Assert.Equal("Enforce", Read(settings, "Pipelines.TokenPolicy")!.ToString());
        Assert.Equal(27018L, Read(settings, "Mongodb.Port"));
        Assert.Equal("catalog", Read(settings, "Mongodb.Database"));
        Assert.Equal("Info", Read(settings, "Logs.Level")!.ToString());
        Assert.Null(Read(settings, "Slack"));
    }

    [Fact]
    public void Every_problem_is_listed_by_key_path_in_one_exception()
    {
        var exception = Assert.Throws<PipelineJobValidationException>(() => Bind("PipelineSdk.Configuration.ReactorSettingsBinder", new()
        {
            ["pipelines:job_manager_id"] = "",
            ["pipelines:pipeline_uuid"] = "not-a-uuid",
            ["pipelines:surprise"] = "x",
            ["pipelines:archive_roots:0"] = "relative",
            ["mongodb:port"] = "abc",
            ["mongodb:password"] = "hunter2",
            ["logger:port"] = "70000",
            ["logs:level"] = "LOUD",
        }));

        Assert.Equal(
            [
                "pipelines:surprise is not a known setting",
                "pipelines:pipeline_uuid must match the pattern ^106[0-9a-f]{5}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                "pipelines:job_manager_id must be at least 1 character(s) long",
                "pipelines:archive_roots:0 must match the pattern ^/",
                "mongodb:port: 'abc' is not an integer",
                "logs:level must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL",
                "logger:port must be at most 65535",
            ],
            exception.Problems);
    }

    [Fact]
    public void User_schema_extends_the_canonical_sections_with_its_own()
    {
        var settings = Bind("Consumer.Reactor.MyReactorSettingsBinder", new()
        {
            ["pipelines:job_manager_id"] = "jobs-manager",
            ["thumbnails:bucket"] = "thumbs",
            ["thumbnails:api_key"] = "s3cr3t",
            ["thumbnails:sizes:0"] = "64",
            ["thumbnails:sizes:1"] = "128",
        });

        Assert.Equal("PipelineSdk.Configuration.ReactorSettings", settings.GetType().BaseType!.FullName);
        Assert.Equal("PipelineSdk.Configuration.PipelinesSettings", Read(settings, "Pipelines")!.GetType().FullName);
        Assert.Equal("jobs-manager", Read(settings, "Pipelines.JobManagerId"));
        Assert.Equal(256L, Read(settings, "Thumbnails.Width"));
        Assert.Equal("Png", Read(settings, "Thumbnails.Format")!.ToString());
        Assert.Equal(new long[] { 64, 128 }, (IEnumerable<long>)Read(settings, "Thumbnails.Sizes")!);
        Assert.Equal(3L, Read(settings, "Retries"));
        Assert.DoesNotContain("s3cr3t", settings.ToString());
        Assert.Contains("ApiKey = *****", settings.ToString());
    }

    [Fact]
    public void User_schema_problems_never_echo_secrets()
    {
        var exception = Assert.Throws<PipelineJobValidationException>(() => Bind("Consumer.Reactor.MyReactorSettingsBinder", new()
        {
            ["thumbnails:width"] = "8",
            ["thumbnails:format"] = "gif",
            ["thumbnails:quality"] = "high",
            ["retries"] = "-1",
        }));

        Assert.Equal(
            [
                "thumbnails:width must be at least 16",
                "thumbnails:format must be one of png, jpeg",
                "thumbnails:bucket is required",
                "thumbnails:quality: 'high' is not a number",
                "thumbnails:api_key is required",
                "retries must be at least 0",
            ],
            exception.Problems);
    }

    [Fact]
    public void Missing_required_section_is_named()
    {
        var exception = Assert.Throws<PipelineJobValidationException>(() => Bind("Consumer.Reactor.MyReactorSettingsBinder", new()));

        Assert.Equal(["thumbnails is required"], exception.Problems);
    }

    [Theory]
    [InlineData("PipelineSdk.Config.ReactorConfig.g.cs")]
    [InlineData("PipelineSdk.Config.MyReactor.g.cs")]
    public void Generated_source_matches_its_snapshot(string hintName) =>
        Snapshot.Match(hintName, Generated.Value.Source(hintName));

    private static object Bind(string binder, Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var method = Generated.Value.Load().GetType(binder)!.GetMethod("Bind", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return method.Invoke(null, [configuration])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static object? Read(object settings, string path)
    {
        object? current = settings;
        foreach (var name in path.Split('.'))
        {
            current = current?.GetType().GetProperty(name)!.GetValue(current);
        }

        return current;
    }
}
