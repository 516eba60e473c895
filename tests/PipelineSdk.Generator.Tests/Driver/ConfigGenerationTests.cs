using System.Reflection;
using Microsoft.Extensions.Configuration;
using PipelineSdk.Configuration;
using PipelineSdk.Errors;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Driver;

/// <summary>
/// Config schemas: the canonical one is compiled into the runtime (its generated binder is called directly here); a
/// user schema that extends it is generated against the REAL runtime assembly, where the canonical schema is only a
/// <c>Schema</c> ($ref target), so its sections are the runtime's own types.
/// </summary>
public sealed class ConfigGenerationTests
{
    private static readonly Schema CanonicalAsReference = Schema.Canonical("reactor_config.schema.json", "Schema");
    private static readonly Schema User = Schema.Test("my_reactor.schema.json", "Config", "/project/config/app/");

    private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.Run([CanonicalAsReference, User], Runtime.Assembly));

    // The canonical file as the runtime compiles it, for its snapshot (the runtime's own build proves it compiles).
    private static readonly Lazy<GeneratorRun> Canonical = new(() => GeneratorHarness.Run([Schema.Canonical("reactor_config.schema.json", "Config")], Runtime.StandIn));

    [Fact]
    public void User_config_compiles_against_the_runtime_assembly_without_any_warning()
    {
        var run = Generated.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        Assert.Equal(["PipelineSdk.Config.MyReactor.g.cs"], run.HintNames);
    }

    [Fact]
    public void User_config_names_the_canonical_schema_by_its_package_id_wherever_the_package_lies()
    {
        // As the package props register it: somewhere in the NuGet cache, with the id pipelinesdk:<file name>.
        var canonical = Schema.Canonical("reactor_config.schema.json", "Schema") with
        {
            Path = "/home/someone/.nuget/packages/pipelinesdk/0.1.0/schemas/reactor_config.schema.json",
            Id = "pipelinesdk:reactor_config.schema.json",
        };
        var user = User with { Text = User.Text.Replace("../../schemas/reactor_config.schema.json", "pipelinesdk:reactor_config.schema.json", StringComparison.Ordinal) };
        Assert.Contains("pipelinesdk:reactor_config.schema.json", user.Text, StringComparison.Ordinal);

        var run = GeneratorHarness.Run([canonical, user], Runtime.Assembly);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        Assert.Equal(Generated.Value.HintNames, run.HintNames);
        Assert.Equal(Generated.Value.Source("PipelineSdk.Config.MyReactor.g.cs"), run.Source("PipelineSdk.Config.MyReactor.g.cs"));
    }

    [Fact]
    public void A_schema_id_that_no_file_carries_is_an_unresolvable_ref()
    {
        var user = User with { Text = User.Text.Replace("../../schemas/reactor_config.schema.json", "pipelinesdk:reactor_config.schema.json", StringComparison.Ordinal) };

        var run = GeneratorHarness.Run([CanonicalAsReference, user], Runtime.Assembly);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PSDK1102", diagnostic.Id);
        Assert.Contains("pipelinesdk:reactor_config.schema.json", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_defaults_apply_and_values_convert_to_declared_types()
    {
        var settings = ReactorSettingsBinder.Bind(Configuration(new()
        {
            ["pipelines:job_manager_id"] = "jobs-manager",
            ["pipelines:state_enter"] = "true",
            ["mongodb:port"] = "27018",
            ["logs:level"] = "INFO",
        }));

        Assert.Equal("jobs-manager", settings.Pipelines!.JobManagerId);
        Assert.Equal("https://api.sd2e.org", settings.Pipelines.ApiServer);
        Assert.Equal(["/products/v2"], settings.Pipelines.ArchiveRoots);
        Assert.True(settings.Pipelines.StateEnter);
        Assert.Equal(3600L, settings.Pipelines.AdminTokenLifetime);
        Assert.Equal(PipelinesSettingsTokenPolicy.Enforce, settings.Pipelines.TokenPolicy);
        Assert.Equal(27018L, settings.Mongodb!.Port);
        Assert.Equal("catalog", settings.Mongodb.Database);
        Assert.Equal(LogsSettingsLevel.Info, settings.Logs!.Level);
        Assert.Null(settings.Slack);
    }

    [Theory]
    [InlineData("t", true)]
    [InlineData(" OK ", true)]
    [InlineData("y", true)]
    [InlineData("on", true)]
    [InlineData("f", false)]
    [InlineData("n", false)]
    [InlineData("", false)]
    [InlineData("Off", false)]
    public void A_boolean_in_config_yml_reads_as_the_same_value_in_an_environment_override(string text, bool expected)
    {
        // The Python SDK's table (t, ok, y ... are booleans too); the binder and the override parser share it.
        // state_exit defaults to true, so a false here was read, not defaulted; state_enter defaults to false.
        var settings = ReactorSettingsBinder.Bind(Configuration(new()
        {
            ["pipelines:job_manager_id"] = "jobs-manager",
            ["pipelines:state_enter"] = text,
            ["pipelines:state_exit"] = text,
        }));

        Assert.True(ConfigValueParser.TryParseBoolean(text, out var fromEnvironment));
        Assert.Equal(expected, fromEnvironment);
        Assert.Equal(expected, settings.Pipelines!.StateEnter);
        Assert.Equal(expected, settings.Pipelines.StateExit);
    }

    [Fact]
    public void A_word_outside_the_boolean_table_is_a_problem_naming_the_key()
    {
        var exception = Assert.Throws<PipelineJobValidationException>(() => ReactorSettingsBinder.Bind(Configuration(new()
        {
            ["pipelines:job_manager_id"] = "jobs-manager",
            ["pipelines:state_enter"] = "maybe",
        })));

        Assert.Equal(["pipelines:state_enter: 'maybe' is not a boolean (t, true, on, ok, y, yes, 1 or f, false, off, n, no, 0, empty)"], exception.Problems);
    }

    [Fact]
    public void Every_problem_is_listed_by_key_path_in_one_exception()
    {
        var exception = Assert.Throws<PipelineJobValidationException>(() => ReactorSettingsBinder.Bind(Configuration(new()
        {
            ["pipelines:job_manager_id"] = "",
            ["pipelines:pipeline_uuid"] = "not-a-uuid",
            ["pipelines:surprise"] = "x",
            ["pipelines:archive_roots:0"] = "relative",
            ["mongodb:port"] = "abc",
            ["mongodb:password"] = "hunter2",
            ["logger:port"] = "70000",
            ["logs:level"] = "LOUD",
        })));

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
    public void User_catalogue_lists_the_canonical_keys_then_its_own_with_types_and_secrets()
    {
        var keys = (IReadOnlyList<ConfigKey>)Generated.Value.Load().GetType("Consumer.Reactor.MyReactorSettingsBinder")!
            .GetProperty("Keys", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        // Written from my_reactor.schema.json: its own properties in schema order, after the canonical ones.
        ConfigKey[] own =
        [
            new("thumbnails:width", ConfigValueType.Integer, false),
            new("thumbnails:format", ConfigValueType.String, false),
            new("thumbnails:bucket", ConfigValueType.String, false),
            new("thumbnails:quality", ConfigValueType.Number, false),
            new("thumbnails:sizes", ConfigValueType.IntegerArray, false),
            new("thumbnails:api_key", ConfigValueType.String, true),
            new("retries", ConfigValueType.Integer, false),
        ];
        Assert.Equal([.. ReactorSettingsBinder.Keys, .. own], keys);
    }

    [Fact]
    public void User_schema_extends_the_canonical_sections_with_its_own()
    {
        var settings = (ReactorSettings)Bind("Consumer.Reactor.MyReactorSettingsBinder", new()
        {
            ["pipelines:job_manager_id"] = "jobs-manager",
            ["thumbnails:bucket"] = "thumbs",
            ["thumbnails:api_key"] = "s3cr3t",
            ["thumbnails:sizes:0"] = "64",
            ["thumbnails:sizes:1"] = "128",
        });

        // The runtime's own types: the settings object can be handed to the runtime as it is.
        Assert.Equal(typeof(ReactorSettings), settings.GetType().BaseType);
        Assert.IsType<PipelinesSettings>(settings.Pipelines);
        Assert.Equal("jobs-manager", settings.Pipelines!.JobManagerId);
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
                "thumbnails:quality: 'high' is not a finite number",
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

    [Fact]
    public void Canonical_source_matches_its_snapshot() =>
        Snapshot.Match("PipelineSdk.Config.ReactorConfig.g.cs", Canonical.Value.Source("PipelineSdk.Config.ReactorConfig.g.cs"));

    [Fact]
    public void User_source_matches_its_snapshot() =>
        Snapshot.Match("PipelineSdk.Config.MyReactor.g.cs", Generated.Value.Source("PipelineSdk.Config.MyReactor.g.cs"));

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static object Bind(string binder, Dictionary<string, string?> values)
    {
        var configuration = Configuration(values);
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
