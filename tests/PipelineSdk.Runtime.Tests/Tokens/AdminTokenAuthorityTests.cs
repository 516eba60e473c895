using PipelineSdk.Errors;
using PipelineSdk.Tokens;

namespace PipelineSdk.Tests.Tokens;

public class AdminTokenAuthorityTests
{
    private const string SecretValue = "test-secret";
    private const string KeyValue = "test-key";

    private static AdminTokenOptions Options(string? key = KeyValue, string? secret = SecretValue, int lifetime = 3600) =>
        new() { Key = key, Secret = secret, LifetimeSeconds = lifetime };

    [Fact]
    public void Issues_the_spec_vector_at_the_spec_time()
    {
        var authority = new AdminTokenAuthority(Options(), FixedTimeProvider.AtUnixSeconds(1700000000));
        Assert.Equal("3ae360341e9715c1", authority.Issue().Reveal()); // the Python original's test vector
    }

    [Fact]
    public void Honours_the_configured_lifetime()
    {
        var clock = FixedTimeProvider.AtUnixSeconds(1700000009);
        var authority = new AdminTokenAuthority(Options(lifetime: 30), clock);
        var token = authority.Issue();
        Assert.Equal("eb0f8f1d0b915dea", token.Reveal()); // window 56666666, python vector (AdminTokensTests)

        clock.Now = DateTimeOffset.FromUnixTimeSeconds(1700000039);
        Assert.True(authority.IsValid(token));
        clock.Now = DateTimeOffset.FromUnixTimeSeconds(1700000040);
        Assert.False(authority.IsValid(token));
    }

    [Fact]
    public void Uses_the_system_clock_by_default()
    {
        var authority = new AdminTokenAuthority(Options());
        Assert.True(authority.IsValid(authority.Issue()));
        Assert.True(authority.IsValid(AdminTokens.Create(KeyValue, SecretValue, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public void Demand_passes_a_valid_token_and_refuses_others_naming_the_operation()
    {
        var authority = new AdminTokenAuthority(Options(), FixedTimeProvider.AtUnixSeconds(1700000000));
        authority.Demand(new AdminToken("84682ae203120843"), "reset");

        var missing = Assert.Throws<AdminTokenRequiredException>(() => authority.Demand(null, "reset"));
        Assert.Equal("reset", missing.Operation);
        Assert.Contains("'reset'", missing.Message, StringComparison.Ordinal);

        var wrong = Assert.Throws<AdminTokenRequiredException>(() => authority.Demand(new AdminToken("0123456789abcdef"), "delete"));
        Assert.Equal("delete", wrong.Operation);
        Assert.DoesNotContain("0123456789abcdef", wrong.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<PipelineJobException>(wrong);
    }

    [Fact]
    public void Options_are_copied_at_construction()
    {
        var options = Options();
        var authority = new AdminTokenAuthority(options, FixedTimeProvider.AtUnixSeconds(1700000000));
        options.Secret = "changed";
        Assert.Equal("3ae360341e9715c1", authority.Issue().Reveal());
    }

    [Theory]
    [InlineData(null, SecretValue, "'Key'")]
    [InlineData("  ", SecretValue, "'Key'")]
    [InlineData(KeyValue, null, "'Secret'")]
    [InlineData(KeyValue, "", "'Secret'")]
    public void A_missing_key_or_secret_is_named_but_no_value_is_shown(string? key, string? secret, string named)
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => new AdminTokenAuthority(Options(key, secret)));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyValue, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed()
    {
        var error = Assert.Throws<PipelineJobValidationException>(() => Options(null, null, 0).Validate());
        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, problem => problem.Contains("'Key'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.Contains("'Secret'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.Contains("'LifetimeSeconds'", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_have_no_default_key_or_secret()
    {
        var options = new AdminTokenOptions();
        Assert.Null(options.Key);
        Assert.Null(options.Secret);
        Assert.Equal(3600, options.LifetimeSeconds);
        Assert.Throws<PipelineJobValidationException>(options.Validate);
    }
}
