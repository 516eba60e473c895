using PipelineSdk.Configuration;
using PipelineSdk.Reactors.Tests.Demo;
using PipelineSdk.Reactors.Tests.Support;

namespace PipelineSdk.Reactors.Tests;

/// <summary>
/// Typed settings at startup: Fixtures/realistic-config.yml into DemoReactorSettings, generated in this project from
/// schemas/config/demo_reactor.schema.json (which extends the canonical schema, a Schema-kind $ref target here).
/// </summary>
public sealed class ReactorSettingsLoaderTests : IDisposable
{
    private const string Authn = "bW9uZ29kYjovL2NhdGFsb2c6c2VjcmV0QGRiLmV4YW1wbGUub3JnOjI3MDE3L2FkbWlu";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_realistic_config_yml_binds_into_the_generated_settings_which_are_the_runtimes_own()
    {
        var settings = LoadDemo(Realistic());

        // Values as written in Fixtures/realistic-config.yml; the rest are the schema defaults.
        ReactorSettings canonical = settings;
        Assert.Equal("10650844-1baa-55c5-a481-5e945b19c065", canonical.Pipelines!.PipelineUuid);
        Assert.Equal("G46vjoAVzGkkz", settings.Pipelines!.JobManagerId);
        Assert.Equal("SD2E_rWBkYg1ZZzxWW", settings.Pipelines.JobIndexerNonce);
        Assert.Equal(["/products/v2", "/uploads"], settings.Pipelines.ArchiveRoots);
        Assert.True(settings.Pipelines.StateExit);
        Assert.False(settings.Pipelines.StateEnter);
        Assert.Equal(PipelinesSettingsTokenPolicy.Enforce, settings.Pipelines.TokenPolicy);
        Assert.Equal(3600L, settings.Pipelines.AdminTokenLifetime);
        Assert.Equal(Authn, settings.Mongodb!.Authn);
        Assert.Equal("catalog_staging", settings.Mongodb.Database);
        Assert.Equal(27017L, settings.Mongodb.Port);
        Assert.Equal(LogsSettingsLevel.Info, settings.Logs!.Level);
        Assert.Null(settings.Logs.File);
        Assert.Null(settings.Logs.Token);
        Assert.Equal(":robot_face:", settings.Slack!.IconEmoji);
        Assert.Null(settings.Logger);
        Assert.Equal(0.75, settings.Demo.Threshold);
        Assert.Equal(["alpha", "beta"], settings.Demo.Samples);
        Assert.False(settings.Demo.Notify);
        Assert.Equal([10L], settings.Demo.BatchSizes);
        Assert.DoesNotContain(Authn, settings.ToString());
        Assert.DoesNotContain("SD2E_RlmBGLQjqlxmv", settings.ToString());
    }

    [Fact]
    public void Overrides_are_converted_to_the_declared_types()
    {
        var settings = LoadDemo(Realistic(), new()
        {
            ["_REACTOR_MONGODB_PORT"] = "27019",
            ["_REACTOR_DEMO__THRESHOLD"] = "0.5",
            ["_REACTOR_DEMO_NOTIFY"] = "ok",
            ["_REACTOR_DEMO_BATCH_SIZES"] = "[5, 20]",
            ["_REACTOR_PIPELINES_ARCHIVE_ROOTS"] = "/a, /b",
            ["_REACTOR_LOGS_LEVEL"] = "ERROR",
            ["_REACTOR_PIPELINES_STATE_ENTER"] = "Y",
        });

        Assert.Equal(27019L, settings.Mongodb!.Port);
        Assert.Equal(0.5, settings.Demo.Threshold);
        Assert.True(settings.Demo.Notify);
        Assert.Equal([5L, 20L], settings.Demo.BatchSizes);
        Assert.Equal(["/a", "/b"], settings.Pipelines!.ArchiveRoots);
        Assert.Equal(LogsSettingsLevel.Error, settings.Logs!.Level);
        Assert.True(settings.Pipelines.StateEnter);
    }

    [Fact]
    public void Without_a_schema_of_its_own_a_reactor_gets_the_canonical_settings()
    {
        var settings = ReactorSettingsLoader.Load(Options(Realistic()));

        Assert.Equal(typeof(ReactorSettings), settings.GetType());
        Assert.Equal("G46vjoAVzGkkz", settings.Pipelines!.JobManagerId);
        Assert.Equal("catalog_staging", settings.Mongodb!.Database);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_file_line_and_column()
    {
        var path = _directory.Write("bad/config.yml", "logs:\n  level: INFO\n   file: x\n");

        var error = Load(Path.GetDirectoryName(path)!);

        // Line and column agree with PyYAML 6.0's problem_mark (see YamlConfigurationTests).
        Assert.Equal([$"{path}: invalid YAML at line 3, column 8: While scanning a plain scalar value, found invalid mapping."], error.Problems);
    }

    [Fact]
    public void An_override_for_an_undeclared_key_is_reported_by_its_variable()
    {
        var error = Load(Realistic(), new() { ["_REACTOR_DEMO_TRESHOLD"] = "0.5" });

        Assert.Equal(["_REACTOR_DEMO_TRESHOLD overrides no declared configuration key (check the spelling, or declare the key in the config schema)"], error.Problems);
    }

    [Fact]
    public void An_override_that_does_not_convert_names_variable_key_and_type()
    {
        var error = Load(Realistic(), new() { ["_REACTOR_DEMO_BATCH_SIZES"] = "5,x" });

        Assert.Equal(["_REACTOR_DEMO_BATCH_SIZES (key demo:batch_sizes, declared IntegerArray): '5,x' is not a JSON array of integers (or a comma-separated list)"], error.Problems);
    }

    [Fact]
    public void Binder_problems_are_reported_by_key_path()
    {
        var folder = Path.GetDirectoryName(_directory.Write("cfg/config.yml", """
            pipelines:
              job_manager_id: ""
            mongodb:
              port: abc
            logs:
              level: LOUD
            demo:
              threshold: 1.5
              samples: [""]
              colour: red
            """))!;

        var error = Load(folder);

        Assert.Equal(
            [
                "pipelines:job_manager_id must be at least 1 character(s) long",
                "mongodb:port: 'abc' is not an integer",
                "logs:level must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL",
                "demo:colour is not a known setting",
                "demo:threshold must be at most 1",
                "demo:samples:0 must be at least 1 character(s) long",
            ],
            error.Problems);
    }

    [Fact]
    public void A_missing_required_section_is_named()
    {
        var folder = Path.GetDirectoryName(_directory.Write("cfg/config.yml", "logs:\n  level: INFO\n"))!;

        Assert.Equal(["demo is required"], Load(folder).Problems);
    }

    [Fact]
    public void File_and_override_problems_come_in_one_exception()
    {
        var bad = _directory.Write("bad/config.yml", "logs: {level: INFO\n");
        var options = new ReactorConfigurationOptions
        {
            SearchDirectories = [Realistic(), Path.GetDirectoryName(bad)!],
            ExplicitPath = Path.Combine(_directory.Path, "missing.yml"),
            Environment = new Dictionary<string, string> { ["_REACTOR_NOPE"] = "1", ["_REACTOR_MONGODB_PORT"] = "port" },
        };

        var error = Assert.Throws<ReactorConfigurationException>(() => ReactorSettingsLoader.Load(DemoReactorSettingsBinder.Bind, DemoReactorSettingsBinder.Keys, options));

        Assert.Equal(
            [
                $"{Path.Combine(_directory.Path, "missing.yml")}: the config file given explicitly does not exist",
                $"{bad}: invalid YAML at line 2, column 1: While parsing a flow mapping, did not find expected ',' or '}}'.",
                "_REACTOR_MONGODB_PORT (key mongodb:port, declared Integer): 'port' is not an integer",
                "_REACTOR_NOPE overrides no declared configuration key (check the spelling, or declare the key in the config schema)",
            ],
            error.Problems);
        Assert.StartsWith("The configuration has 4 problems:", error.Message);
    }

    private string Realistic()
    {
        var folder = _directory.Sub("realistic");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "realistic-config.yml"), Path.Combine(folder, "config.yml"), overwrite: true);
        return folder;
    }

    private static ReactorConfigurationOptions Options(string folder, Dictionary<string, string>? environment = null) =>
        new() { SearchDirectories = [folder], Environment = environment ?? [] };

    private static DemoReactorSettings LoadDemo(string folder, Dictionary<string, string>? environment = null) =>
        ReactorSettingsLoader.Load(DemoReactorSettingsBinder.Bind, DemoReactorSettingsBinder.Keys, Options(folder, environment));

    private static ReactorConfigurationException Load(string folder, Dictionary<string, string>? environment = null) =>
        Assert.Throws<ReactorConfigurationException>(() => LoadDemo(folder, environment));
}
