using Microsoft.Extensions.Configuration;
using PipelineSdk.Configuration;
using PipelineSdk.Reactors.Tests.Support;

namespace PipelineSdk.Reactors.Tests;

public sealed class EnvironmentOverrideTests : IDisposable
{
    private static readonly ConfigKey Threshold = new("myapp:threshold", ConfigValueType.Number, false);
    private static readonly ConfigKey Options = new("myapp:options", ConfigValueType.Object, false);
    private static readonly ConfigKey Pin = new("myapp:pin", ConfigValueType.Integer, true);
    private static readonly ConfigKey PosixPath = new("storagesystems:data-sd2e-community:posix_path", ConfigValueType.String, false);
    private static readonly ConfigKey Debug = new("debug", ConfigValueType.Boolean, false);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("_REACTOR_LOGS_LEVEL", "logs:level", "INFO")]
    [InlineData("_REACTOR_PIPELINES_JOB_MANAGER_ID", "pipelines:job_manager_id", "G46vjoAVzGkkz")]
    [InlineData("_REACTOR_PIPELINES__JOB_MANAGER_ID", "pipelines:job_manager_id", "G46vjoAVzGkkz")]
    [InlineData("_REACTOR_MONGODB_AUTHN", "mongodb:authn", "bW9uZ29kYjovL2hvc3Q=")]
    [InlineData("_REACTOR_STORAGESYSTEMS__DATA-SD2E-COMMUNITY__POSIX_PATH", "storagesystems:data-sd2e-community:posix_path", "/work/projects")]
    [InlineData("_REACTOR_DEBUG", "debug", "true")]
    [InlineData("_reactor_logs_level", "logs:level", "INFO")]
    public void Every_override_form_reaches_its_declared_key(string variable, string key, string value)
    {
        var configuration = Build(new() { [variable] = value });

        Assert.Equal(value, configuration[key]);
    }

    [Fact]
    public void Overrides_win_over_config_yml_and_may_add_keys_it_does_not_declare()
    {
        var configuration = Build(
            new() { ["_REACTOR_LOGS_LEVEL"] = "ERROR", ["_REACTOR_MONGODB_PORT"] = "27019" },
            "logs:\n  level: DEBUG\n  file: r.log\n");

        Assert.Equal("ERROR", configuration["logs:level"]);
        Assert.Equal("r.log", configuration["logs:file"]);
        Assert.Equal("27019", configuration["mongodb:port"]);
    }

    [Theory]
    [InlineData("t", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("On", "true")]
    [InlineData("ok", "true")]
    [InlineData("y", "true")]
    [InlineData("yes", "true")]
    [InlineData("1", "true")]
    [InlineData("f", "false")]
    [InlineData("False", "false")]
    [InlineData("off", "false")]
    [InlineData("n", "false")]
    [InlineData("NO", "false")]
    [InlineData("0", "false")]
    [InlineData("", "false")]
    public void Booleans_convert_with_the_python_table(string text, string expected)
    {
        Assert.Equal(expected, Build(new() { ["_REACTOR_PIPELINES_STATE_ENTER"] = text })["pipelines:state_enter"]);
    }

    [Theory]
    [InlineData("_REACTOR_MONGODB_PORT", " 27018 ", "mongodb:port", "27018")]
    [InlineData("_REACTOR_MONGODB_PORT", "-1", "mongodb:port", "-1")]
    [InlineData("_REACTOR_MYAPP_THRESHOLD", "0.25", "myapp:threshold", "0.25")]
    [InlineData("_REACTOR_MYAPP_THRESHOLD", "1e3", "myapp:threshold", "1000")]
    public void Numbers_convert_to_invariant_text(string variable, string text, string key, string expected)
    {
        Assert.Equal(expected, Build(new() { [variable] = text })[key]);
    }

    [Theory]
    [InlineData("[\"/products/v9\", \"/uploads\"]")]
    [InlineData("/products/v9, /uploads")]
    public void A_list_override_replaces_a_longer_yaml_list_whole(string text)
    {
        var configuration = Build(
            new() { ["_REACTOR_PIPELINES_ARCHIVE_ROOTS"] = text },
            "pipelines:\n  archive_roots:\n    - /a\n    - /b\n    - /c\n");

        var roots = configuration.GetSection("pipelines:archive_roots").GetChildren().Select(c => c.Value).ToList();
        Assert.Equal(["/products/v9", "/uploads"], roots);
        Assert.Null(configuration["pipelines:archive_roots:2"]);
    }

    [Fact]
    public void An_empty_list_override_leaves_no_items()
    {
        var configuration = Build(
            new() { ["_REACTOR_PIPELINES_ARCHIVE_ROOTS"] = "[]" },
            "pipelines:\n  archive_roots:\n    - /a\n");

        Assert.Empty(configuration.GetSection("pipelines:archive_roots").GetChildren());
        Assert.Null(configuration["pipelines:archive_roots:0"]);
    }

    [Fact]
    public void An_object_override_replaces_the_mapping_and_a_deeper_override_still_applies()
    {
        var deeper = new ConfigKey("myapp:options:mode", ConfigValueType.String, false);
        var configuration = Build(
            new() { ["_REACTOR_MYAPP_OPTIONS"] = "{\"x\": 1, \"y\": {\"z\": true}, \"mode\": \"a\"}", ["_REACTOR_MYAPP__OPTIONS__MODE"] = "b" },
            "myapp:\n  options:\n    stale: 1\n    x: 0\n",
            deeper);

        Assert.Equal("1", configuration["myapp:options:x"]);
        Assert.Equal("true", configuration["myapp:options:y:z"]);
        Assert.Equal("b", configuration["myapp:options:mode"]);
        Assert.Null(configuration["myapp:options:stale"]);
        Assert.Equal(["mode", "x", "y"], configuration.GetSection("myapp:options").GetChildren().Select(c => c.Key).Order());
    }

    [Theory]
    [InlineData("_REACTOR_MONGODB_PORT", "abc", "_REACTOR_MONGODB_PORT (key mongodb:port, declared Integer): 'abc' is not an integer")]
    [InlineData("_REACTOR_MONGODB_PORT", "1.5", "_REACTOR_MONGODB_PORT (key mongodb:port, declared Integer): '1.5' is not an integer")]
    [InlineData("_REACTOR_MONGODB_PORT", "99999999999999999999", "_REACTOR_MONGODB_PORT (key mongodb:port, declared Integer): '99999999999999999999' is not an integer")]
    [InlineData("_REACTOR_MYAPP_THRESHOLD", "NaN", "_REACTOR_MYAPP_THRESHOLD (key myapp:threshold, declared Number): 'NaN' is not a finite number")]
    [InlineData("_REACTOR_MYAPP_THRESHOLD", "1,5", "_REACTOR_MYAPP_THRESHOLD (key myapp:threshold, declared Number): '1,5' is not a finite number")]
    [InlineData("_REACTOR_PIPELINES_STATE_EXIT", "maybe", "_REACTOR_PIPELINES_STATE_EXIT (key pipelines:state_exit, declared Boolean): 'maybe' is not a boolean (t, true, on, ok, y, yes, 1 or f, false, off, n, no, 0, empty)")]
    [InlineData("_REACTOR_PIPELINES_ARCHIVE_ROOTS", "[\"/a\", 1]", "_REACTOR_PIPELINES_ARCHIVE_ROOTS (key pipelines:archive_roots, declared StringArray): '[\"/a\", 1]' is not a JSON array of strings (or a comma-separated list)")]
    [InlineData("_REACTOR_PIPELINES_ARCHIVE_ROOTS", "[/a", "_REACTOR_PIPELINES_ARCHIVE_ROOTS (key pipelines:archive_roots, declared StringArray): '[/a' is not a JSON array of strings (or a comma-separated list)")]
    [InlineData("_REACTOR_MYAPP_OPTIONS", "[1]", "_REACTOR_MYAPP_OPTIONS (key myapp:options, declared Object): '[1]' is not a JSON object")]
    [InlineData("_REACTOR_MYAPP_OPTIONS", "x=1", "_REACTOR_MYAPP_OPTIONS (key myapp:options, declared Object): 'x=1' is not a JSON object")]
    public void Every_conversion_failure_names_the_variable_key_and_type(string variable, string text, string message)
    {
        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new() { [variable] = text }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_secret_that_does_not_convert_is_never_echoed()
    {
        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new() { ["_REACTOR_MYAPP_PIN"] = "hunter2-secret" }));

        Assert.Equal("_REACTOR_MYAPP_PIN (key myapp:pin, declared Integer): the value (not shown: secret) is not an integer", error.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
    }

    [Fact]
    public void An_override_of_an_undeclared_key_is_an_error_naming_the_variable_not_its_value()
    {
        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new() { ["_REACTOR_LOGS_LEVLE"] = "secret-looking-value" }));

        Assert.Equal("_REACTOR_LOGS_LEVLE overrides no declared configuration key (check the spelling, or declare the key in the config schema)", error.Message);
        Assert.DoesNotContain("secret-looking-value", error.ToString());
    }

    [Fact]
    public void Tacconfig_form_reaches_only_two_levels()
    {
        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new() { ["_REACTOR_STORAGESYSTEMS_DATA-SD2E-COMMUNITY_POSIX_PATH"] = "/x" }));

        Assert.StartsWith("_REACTOR_STORAGESYSTEMS_DATA-SD2E-COMMUNITY_POSIX_PATH overrides no declared configuration key", error.Message);
    }

    [Fact]
    public void Variables_outside_the_namespace_and_the_images_reactor_temp_are_not_overrides()
    {
        var configuration = Build(new() { ["_REACTOR_TEMP"] = "/mnt/ephemeral-01", ["_REACTORX"] = "1", ["REACTOR_LOGS_LEVEL"] = "INFO", ["PATH"] = "/bin" });

        Assert.Null(configuration["logs:level"]);
    }

    [Fact]
    public void A_name_two_keys_share_is_ambiguous_and_the_double_underscore_form_resolves_it()
    {
        // A reactor's schema may declare both a linked_reactors section with key x and a linked section with key reactors_x.
        ConfigKey[] keys = [new("linked_reactors:x", ConfigValueType.String, false), new("linked:reactors_x", ConfigValueType.String, false)];

        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new() { ["_REACTOR_LINKED_REACTORS_X"] = "a" }, null, keys));
        var configuration = Build(new() { ["_REACTOR_LINKED_REACTORS__X"] = "a", ["_REACTOR_LINKED__REACTORS_X"] = "b" }, null, keys);

        Assert.Equal("_REACTOR_LINKED_REACTORS_X is ambiguous: it names linked_reactors:x and linked:reactors_x; use the form with __ between levels", error.Message);
        Assert.Equal("a", configuration["linked_reactors:x"]);
        Assert.Equal("b", configuration["linked:reactors_x"]);
    }

    [Fact]
    public void Both_forms_for_one_key_is_an_error()
    {
        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new() { ["_REACTOR_LOGS_LEVEL"] = "INFO", ["_REACTOR_LOGS__LEVEL"] = "ERROR" }));

        Assert.Equal("_REACTOR_LOGS__LEVEL and _REACTOR_LOGS_LEVEL both override logs:level; set only one", error.Message);
    }

    [Fact]
    public void Every_problem_is_listed_in_one_exception()
    {
        var error = Assert.Throws<ReactorConfigurationException>(() => Build(new()
        {
            ["_REACTOR_MONGODB_PORT"] = "abc",
            ["_REACTOR_NOPE"] = "1",
            ["_REACTOR_PIPELINES_STATE_EXIT"] = "maybe",
        }));

        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith("The configuration has 3 problems:", error.Message);
        Assert.All(error.Problems, problem => Assert.Contains(problem, error.Message));
    }

    private IConfigurationRoot Build(Dictionary<string, string> environment, string? yaml = null, params ConfigKey[] extraKeys)
    {
        var directory = _directory.Sub(Guid.NewGuid().ToString("N"));
        if (yaml is not null)
        {
            File.WriteAllText(Path.Combine(directory, "config.yml"), yaml);
        }

        ConfigKey[] keys = [.. ReactorSettingsBinder.Keys, Threshold, Options, Pin, PosixPath, Debug, .. extraKeys];
        return new ConfigurationBuilder()
            .AddReactorConfiguration(new ReactorConfigurationOptions { SearchDirectories = [directory], Keys = keys, Environment = environment })
            .Build();
    }
}
