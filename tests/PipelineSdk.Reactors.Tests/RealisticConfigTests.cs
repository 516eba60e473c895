using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PipelineSdk.Configuration;
using PipelineSdk.Reactors.Tests.Support;
using PipelineSdk.Reactors;

namespace PipelineSdk.Reactors.Tests;

public sealed class RealisticConfigTests : IDisposable
{
    private const string LogsToken = "loggly-token-xyz";

    // The reactor's own schema extends the canonical one with a "demo" section.
    private static readonly IReadOnlyList<ConfigKey> Keys =
    [
        .. ReactorSettingsBinder.Keys,
        new ConfigKey("demo:threshold", ConfigValueType.Number, false),
        new ConfigKey("demo:samples", ConfigValueType.StringArray, false),
        new ConfigKey("demo:notify", ConfigValueType.Boolean, false),
    ];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_realistic_config_yml_reads_into_configuration_with_overrides_applied()
    {
        var configuration = Build(Overrides());

        // From the file: PyYAML safe_load flattened (/tmp/rx/merge.py on Fixtures/realistic-config.yml), except that
        // booleans keep their YAML text (see the next assertion), then the five overrides applied by hand.
        var expected = new Dictionary<string, string?>
        {
            ["demo:notify"] = "true",
            ["demo:samples:0"] = "alpha",
            ["demo:samples:1"] = "beta",
            ["demo:threshold"] = "0.5",
            ["logs:file"] = null,
            ["logs:level"] = "INFO",
            ["logs:token"] = LogsToken,
            ["mongodb:authn"] = "bW9uZ29kYjovL2NhdGFsb2c6c2VjcmV0QGRiLmV4YW1wbGUub3JnOjI3MDE3L2FkbWlu",
            ["mongodb:database"] = "catalog",
            ["pipelines:admin_token_lifetime"] = "3600",
            ["pipelines:api_server"] = "https://api.sd2e.org",
            ["pipelines:archive_roots:0"] = "/products/v3",
            ["pipelines:archive_system"] = "data-sd2e-community",
            ["pipelines:job_indexer_id"] = "kBw47PWaYM1Ww",
            ["pipelines:job_indexer_nonce"] = "SD2E_rWBkYg1ZZzxWW",
            ["pipelines:job_manager_id"] = "G46vjoAVzGkkz",
            ["pipelines:job_manager_nonce"] = "SD2E_RlmBGLQjqlxmv",
            ["pipelines:pipeline_uuid"] = "10650844-1baa-55c5-a481-5e945b19c065",
            ["pipelines:state_exit"] = "true",
            ["pipelines:token_policy"] = "enforce",
            ["slack:channel"] = "pipelines",
            ["slack:icon_emoji"] = ":robot_face:",
            ["slack:username"] = "demo-reactor",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), Leaves(configuration).OrderBy(p => p.Key));
        Assert.Equal(["/products/v3"], configuration.GetSection("pipelines:archive_roots").GetChildren().Select(c => c.Value));
    }

    [Fact]
    public void Yaml_booleans_kept_as_text_read_as_pyyaml_does_through_the_boolean_table()
    {
        var configuration = Build(new Dictionary<string, string>());

        // PyYAML 6.0 safe_load gives demo.notify False and pipelines.state_exit True.
        Assert.True(ConfigValueParser.TryParseBoolean(configuration["demo:notify"], out var notify));
        Assert.False(notify);
        Assert.True(ConfigValueParser.TryParseBoolean(configuration["pipelines:state_exit"], out var stateExit));
        Assert.True(stateExit);
    }

    [Fact]
    public void Secret_values_of_the_configuration_are_redacted_from_the_reactors_logs()
    {
        var configuration = Build(Overrides());
        var secrets = ConfigurationSecrets.Collect(configuration, Keys);
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(capture));
        var context = ReactorContext.FromEnvironment(AbacoFixtures.Local(), new ReactorContextOptions { LoggerFactory = factory, Secrets = secrets });

        foreach (var (key, value) in configuration.AsEnumerable())
        {
            context.Logger.LogInformation("{Key} = {Value}", key, value);
        }

        Assert.Equal(
            ["SD2E_RlmBGLQjqlxmv", "SD2E_rWBkYg1ZZzxWW", "bW9uZ29kYjovL2NhdGFsb2c6c2VjcmV0QGRiLmV4YW1wbGUub3JnOjI3MDE3L2FkbWlu", LogsToken],
            secrets.Order(StringComparer.Ordinal));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, capture.AllText));
        Assert.Contains("mongodb:authn = *****", capture.AllText);
        Assert.Contains("pipelines:job_manager_id = G46vjoAVzGkkz", capture.AllText);
    }

    private static Dictionary<string, string> Overrides() => new()
    {
        ["_REACTOR_MONGODB_DATABASE"] = "catalog",
        ["_REACTOR_PIPELINES__ARCHIVE_ROOTS"] = "[\"/products/v3\"]",
        ["_REACTOR_DEMO_THRESHOLD"] = "0.5",
        ["_REACTOR_LOGS_TOKEN"] = LogsToken,
        ["_REACTOR_DEMO__NOTIFY"] = "yes",
        ["_REACTOR_TEMP"] = "/mnt/ephemeral-01",
    };

    private IConfigurationRoot Build(IReadOnlyDictionary<string, string> environment)
    {
        var root = _directory.Sub("root");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "realistic-config.yml"), Path.Combine(root, "config.yml"));
        return new ConfigurationBuilder()
            .AddReactorConfiguration(new ReactorConfigurationOptions { SearchDirectories = [_directory.Sub("defaults"), root], Keys = Keys, Environment = environment })
            .Build();
    }

    private static IEnumerable<KeyValuePair<string, string?>> Leaves(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(p => !configuration.GetSection(p.Key).GetChildren().Any());
}
