using Microsoft.Extensions.Configuration;
using PipelineSdk.Configuration;
using PipelineSdk.Reactors.Tests.Support;

namespace PipelineSdk.Reactors.Tests;

public sealed class YamlConfigurationTests : IDisposable
{
    private const string Defaults = """
        # package defaults
        logs:
          level: DEBUG
          file: null
          token: ~
        slack:
          channel: general
          icon_emoji: ":robot_face:"
        pipelines:
          api_server: https://api.sd2e.org
          archive_roots:
            - /products/v2
            - /products/v1
            - /uploads
          admin_token_lifetime: 3600
        """;

    private const string Root = """
        logs:
          level: INFO
        pipelines:
          job_manager_id: G46vjoAVzGkkz
          archive_roots:
            - /products/v3
        mongodb:
          host: db.example.org
          port: 27017
        """;

    private const string Etc = """
        mongodb:
          port: 27018
          database: catalog_test
        slack:
          channel: alerts
        """;

    private const string WorkingDirectory = """
        logs:
          file: reactor.log
        pipelines:
          admin_token_lifetime: 600
        slack: plain-text
        """;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Files_are_merged_in_search_order_nested_mappings_merged_lists_and_scalars_replaced()
    {
        var options = WriteAllPlaces();

        var data = Flatten(Build(options));

        // Expected: PyYAML safe_load of each file, merged right-favouring and recursively as AttrDict does, then
        // flattened to configuration keys (/tmp/rx/merge.py defaults root etc cwd, Python 3.13, PyYAML 6.0).
        var expected = new Dictionary<string, string?>
        {
            ["logs:file"] = "reactor.log",
            ["logs:level"] = "INFO",
            ["logs:token"] = null,
            ["mongodb:database"] = "catalog_test",
            ["mongodb:host"] = "db.example.org",
            ["mongodb:port"] = "27018",
            ["pipelines:admin_token_lifetime"] = "600",
            ["pipelines:api_server"] = "https://api.sd2e.org",
            ["pipelines:archive_roots:0"] = "/products/v3",
            ["pipelines:job_manager_id"] = "G46vjoAVzGkkz",
            ["slack"] = "plain-text",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), data.OrderBy(p => p.Key));
    }

    [Fact]
    public void A_shorter_later_list_leaves_no_stale_index_keys()
    {
        var configuration = Build(WriteAllPlaces());

        var roots = configuration.GetSection("pipelines:archive_roots").GetChildren().Select(c => c.Value).ToList();

        Assert.Equal(["/products/v3"], roots);
        Assert.Null(configuration["pipelines:archive_roots:1"]);
    }

    [Fact]
    public void Search_order_is_package_defaults_root_etc_then_working_directory()
    {
        var options = WriteAllPlaces();

        var files = ConfigFileSearch.Locate(options);

        Assert.Equal(
            options.SearchDirectories.Select(d => Path.Combine(d, "config.yml")),
            files);
    }

    [Fact]
    public void Missing_places_are_skipped_and_a_place_listed_twice_is_read_once()
    {
        var defaults = _directory.Sub("defaults");
        var cwd = _directory.Sub("cwd");
        _directory.Write("cwd/config.yml", WorkingDirectory);
        var options = new ReactorConfigurationOptions { SearchDirectories = [defaults, cwd, _directory.Sub("etc"), cwd] };

        Assert.Equal([Path.Combine(cwd, "config.yml")], ConfigFileSearch.Locate(options));
    }

    [Fact]
    public void The_explicit_path_is_read_last_and_wins()
    {
        var options = WriteAllPlaces() with { ExplicitPath = _directory.Write("custom/reactor.yml", "logs:\n  level: ERROR\n") };

        var configuration = Build(options);

        Assert.Equal("ERROR", configuration["logs:level"]);
        Assert.Equal("reactor.log", configuration["logs:file"]);
        Assert.Equal(options.ExplicitPath, ConfigFileSearch.Locate(options)[^1]);
    }

    [Fact]
    public void A_missing_explicit_path_is_an_error_naming_it()
    {
        var missing = Path.Combine(_directory.Path, "nope.yml");
        var options = new ReactorConfigurationOptions { SearchDirectories = [], ExplicitPath = missing };

        var error = Assert.Throws<ReactorConfigurationException>(() => ConfigFileSearch.Locate(options));

        Assert.Equal($"{missing}: the config file given explicitly does not exist", error.Message);
    }

    // Lines and columns of the first three agree with PyYAML 6.0's problem_mark (1-based). PyYAML accepts duplicate
    // keys (last wins) where this reader refuses them, and marks the '---' of a second document, not its content.
    [Theory]
    [InlineData("logs:\n  level: INFO\n   file: x\n", 3, 8, "While scanning a plain scalar value, found invalid mapping.")]
    [InlineData("logs:\n  level: [INFO\n", 3, 1, "While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("logs: {level: INFO\n", 2, 1, "While parsing a flow mapping, did not find expected ',' or '}'.")]
    [InlineData("a: 1\na: 2\n", 2, 1, "Duplicate key a")]
    [InlineData("a: 1\n---\nb: 2\n", 3, 1, "expected a single document")]
    public void Invalid_yaml_is_an_error_with_file_line_and_column(string yaml, int line, int column, string problem)
    {
        var path = _directory.Write("bad/config.yml", yaml);

        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new ReactorConfigurationOptions { SearchDirectories = [Path.GetDirectoryName(path)!] }));

        Assert.Equal($"{path}: invalid YAML at line {line}, column {column}: {problem}", error.Message);
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("just text\n")]
    public void A_top_level_that_is_not_a_mapping_is_an_error(string yaml)
    {
        var path = _directory.Write("top/config.yml", yaml);

        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new ReactorConfigurationOptions { SearchDirectories = [Path.GetDirectoryName(path)!] }));

        Assert.Equal($"{path}: invalid config at line 1, column 1: the top level must be a mapping of sections", error.Message);
    }

    [Fact]
    public void Scalars_keep_their_text_nulls_are_null_and_empty_collections_are_null_keys()
    {
        var path = _directory.Write("scalars/config.yml", """
            flags:
              yes_word: yes
              quoted_null: "null"
              tilde: ~
              empty:
              list: []
              map: {}
              number: 0x1F
              text: 'it''s'
            base: &base
              host: h
              port: 1
            derived:
              <<: *base
              port: 2
            """);

        var data = Flatten(Build(new ReactorConfigurationOptions { SearchDirectories = [Path.GetDirectoryName(path)!] }));

        Assert.Equal("yes", data["flags:yes_word"]);
        Assert.Equal("null", data["flags:quoted_null"]);
        Assert.Null(data["flags:tilde"]);
        Assert.Null(data["flags:empty"]);
        Assert.Null(data["flags:list"]);
        Assert.Null(data["flags:map"]);
        Assert.Equal("0x1F", data["flags:number"]);
        Assert.Equal("it's", data["flags:text"]);
        Assert.Equal("h", data["derived:host"]);
        Assert.Equal("2", data["derived:port"]);
    }

    [Fact]
    public void An_empty_file_is_an_empty_mapping()
    {
        var path = _directory.Write("empty/config.yml", "# nothing but a comment\n");

        Assert.Empty(Flatten(Build(new ReactorConfigurationOptions { SearchDirectories = [Path.GetDirectoryName(path)!] })));
    }

    private ReactorConfigurationOptions WriteAllPlaces()
    {
        _directory.Write("defaults/config.yml", Defaults);
        _directory.Write("root/config.yml", Root);
        _directory.Write("etc/config.yml", Etc);
        _directory.Write("cwd/config.yml", WorkingDirectory);
        return new ReactorConfigurationOptions
        {
            SearchDirectories = new[] { "defaults", "root", "etc", "cwd" }.Select(_directory.Sub).ToList(),
            Environment = new Dictionary<string, string>(),
        };
    }

    private static IConfigurationRoot Build(ReactorConfigurationOptions options) =>
        new ConfigurationBuilder().AddReactorConfiguration(options with { Environment = options.Environment ?? new Dictionary<string, string>() }).Build();

    private static Dictionary<string, string?> Flatten(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(p => p.Value is not null || !configuration.GetSection(p.Key).GetChildren().Any())
            .ToDictionary(p => p.Key, p => p.Value);
}
