using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using PipelineSdk.Configuration;

using PipelineSdk.Reliability.Tests.Support;

namespace PipelineSdk.Reliability.Tests.BadInput;

/// <summary>
/// config.yml and <c>_REACTOR_*</c> overrides on random and randomly broken input: the configuration builds, or it
/// throws <see cref="ReactorConfigurationException"/> whose every problem names the file (with a line) or the
/// variable; nothing else escapes, and a secret override value is never echoed.
/// </summary>
public sealed class ConfigFuzzTests : SecretCheckedTest
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);
    private static readonly string RealisticYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "realistic-config.yml"));
    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-config-fuzz-").FullName;

    [Fact]
    public void Mutated_config_yml_builds_or_names_the_file_and_line()
    {
        var outcomes = new int[2];
        var path = Path.Combine(_folder, ReactorConfigurationOptions.FileName);
        Fuzz.Run(nameof(Mutated_config_yml_builds_or_names_the_file_and_line), 4000, CaseTimeout, (random, _) =>
        {
            var yaml = random.Next(4) == 0 ? Mutations.Mutate(random, Anchored(random), 6) : Mutations.Mutate(random, RealisticYaml, 6);
            File.WriteAllText(path, yaml, new UTF8Encoding(false));
            try
            {
                Build([], new Dictionary<string, string>());
                outcomes[0]++;
            }
            catch (ReactorConfigurationException e)
            {
                SuiteSecrets.Observe(e);
                outcomes[1]++;
                Assert.All(e.Problems, problem => Assert.Matches(
                    "^" + System.Text.RegularExpressions.Regex.Escape(path) + ": ((invalid YAML|invalid config|unsupported YAML node) at line [0-9]+, column [0-9]+: .+|invalid YAML: the YAML parser stopped \\(.+\\))$", problem));
            }
        });

        Assert.All(outcomes, count => Assert.True(count > 200, $"built {outcomes[0]}, refused {outcomes[1]}"));
    }

    [Fact]
    public void Random_overrides_apply_or_name_the_variable()
    {
        var keys = ReactorSettingsBinder.Keys;
        var outcomes = new int[2];
        Fuzz.Run(nameof(Random_overrides_apply_or_name_the_variable), 4000, CaseTimeout, (random, _) =>
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            var secretValues = new List<string>();
            for (var i = random.Next(1, 5); i > 0; i--)
            {
                var key = keys[random.Next(keys.Count)];
                var variable = random.Next(6) == 0 ? "_REACTOR_" + Mutations.Crafted(random, 3).ToUpperInvariant() : VariableFor(key, random);
                var value = RandomValue(random);
                environment[variable] = value;
                if (key.Secret && value.StartsWith("secret-", StringComparison.Ordinal))
                {
                    secretValues.Add(value);
                }
            }

            try
            {
                var configuration = Build(keys, environment);
                outcomes[0]++;
                AssertTyped(configuration, keys);
            }
            catch (ReactorConfigurationException e)
            {
                SuiteSecrets.Observe(e);
                outcomes[1]++;
                Assert.All(e.Problems, problem => Assert.Contains(environment.Keys, variable => problem.StartsWith(variable, StringComparison.Ordinal)));
                Assert.All(secretValues, value => Assert.DoesNotContain(value, e.Message, StringComparison.Ordinal));
            }
        });

        Assert.All(outcomes, count => Assert.True(count > 200, $"built {outcomes[0]}, refused {outcomes[1]}"));
    }

    [Theory]
    [InlineData("a: &a\n  <<: *a\n", "an alias refers to a node that contains it")]
    [InlineData("a: &a [1, *a]\n", "an alias refers to a node that contains it")]
    [InlineData("a: &a\n  b: *a\n", "an alias refers to a node that contains it")]
    public void Recursive_aliases_are_refused_not_a_stack_overflow(string yaml, string problem)
    {
        // Found by the mutation run: a self-referencing merge key crashed the test host with a stack overflow.
        var path = Path.Combine(_folder, ReactorConfigurationOptions.FileName);
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<ReactorConfigurationException>(() => Build([], []));

        Assert.StartsWith(path + ": invalid config at line ", error.Message);
        Assert.EndsWith(problem, error.Message);
    }

    [Fact]
    public void Exponential_aliases_are_refused()
    {
        var yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append($"l{i}: &l{i} [" + string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10)) + "]\n");
        }

        File.WriteAllText(Path.Combine(_folder, ReactorConfigurationOptions.FileName), yaml.ToString());

        var error = Assert.Throws<ReactorConfigurationException>(() => Build([], []));
        Assert.EndsWith("aliases expand to more than 1000000 values", error.Message);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
    }

    private IConfigurationRoot Build(IReadOnlyCollection<ConfigKey> keys, Dictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddReactorConfiguration(new ReactorConfigurationOptions { SearchDirectories = [_folder], Keys = keys, Environment = environment })
            .Build();

    /// <summary>Declared typed keys that got a value hold one of their type.</summary>
    private static void AssertTyped(IConfiguration configuration, IEnumerable<ConfigKey> keys)
    {
        foreach (var key in keys)
        {
            var value = configuration[key.Path];
            if (value is null)
            {
                continue;
            }

            switch (key.Type)
            {
                case ConfigValueType.Integer:
                    Assert.True(long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), $"{key.Path} = '{value}'");
                    break;
                case ConfigValueType.Boolean:
                    Assert.True(ConfigValueParser.TryParseBoolean(value, out _), $"{key.Path} = '{value}'");
                    break;
            }
        }
    }

    private static string VariableFor(ConfigKey key, Random random)
    {
        var levels = key.Path.Split(':');
        var name = "_REACTOR_" + string.Join(levels.Length == 2 && random.Next(2) == 0 ? "_" : "__", levels);
        return random.Next(4) == 0 ? name.ToLowerInvariant() : name.ToUpperInvariant();
    }

    private static string RandomValue(Random random) => random.Next(8) switch
    {
        0 => random.Next(-5, 100_000).ToString(CultureInfo.InvariantCulture),
        1 => random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
        2 => random.Next(2) == 0 ? "true" : "off",
        3 => "[\"/products/v2\", \"/uploads\"]",
        4 => "{\"a\": 1, \"b\": [true, null]}",
        5 => Mutations.Mutate(random, "{\"a\": [1, \"x\"]}"),
        6 => "secret-" + random.Next().ToString("x", CultureInfo.InvariantCulture),
        _ => Mutations.Crafted(random),
    };

    /// <summary>YAML with anchors, aliases and merge keys (the constructs that can explode or recurse).</summary>
    private static string Anchored(Random random) =>
        $$$$$"""
        base: &base
          level: INFO
          list: &list [a, b, c]
        logs:
          <<: *base
          file: ~
        more:
          <<: [*base, {x: 1}]
          items: *list
        deep: {a: {b: {c: {d: [1, [2, [3, {e: f}]]]}}}}
        n{{{{{random.Next(10)}}}}}: "quoted: value"
        """;
}
