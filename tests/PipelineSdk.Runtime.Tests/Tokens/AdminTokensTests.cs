using PipelineSdk.Tokens;

namespace PipelineSdk.Tests.Tokens;

public class AdminTokensTests
{
    private const string Key = "test-key";
    private const string Secret = "test-secret";

    private static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    [Fact]
    public void Spec_vectors_for_the_current_and_previous_window()
    {
        // The Python original's vector: message test-secret:test-key:4:7:2:2:2:2 (window 472222), previous window 472221.
        Assert.Equal("3ae360341e9715c1", AdminTokens.Create(Key, Secret, At(1700000000)).Reveal());
        Assert.Equal("84682ae203120843", AdminTokens.Create(Key, Secret, At(1700000000), previous: true).Reveal());
    }

    // Computed with /usr/bin/python3 (hashlib), /tmp/core-tokens/admin_tokens.py, which re-implements get_admin_token of
    // datacatalog/tokens/admin.py: sha256(':'.join([secret, key] + list(str(int(ts / L))))).hexdigest()[:n].
    [Theory]
    [InlineData("test-key", "test-secret", 1700000000L, 30, false, 16, "eb0f8f1d0b915dea")] // ...:5:6:6:6:6:6:6:6
    [InlineData("test-key", "test-secret", 1700000000L, 30, true, 16, "d80cb52781b6125f")] // ...:5:6:6:6:6:6:6:5
    [InlineData("test-key", "test-secret", 1700000000L, 1, false, 16, "7480578cdd208803")] // ...:1:7:0:0:0:0:0:0:0:0
    [InlineData("test-key", "test-secret", 1700000000L, 1, true, 16, "3f2f87e0f6d7b2f8")] // ...:1:6:9:9:9:9:9:9:9:9
    [InlineData("test-key", "test-secret", 1700000000L, 3600, false, 32, "3ae360341e9715c1fde8a4cd149865bb")]
    [InlineData("test-key", "test-secret", 1700000000L, 3600, false, 64, "3ae360341e9715c1fde8a4cd149865bb98ecf89bf97f42cf8f0710bc651c7749")]
    [InlineData("k", "s", 0L, 3600, false, 16, "f98951cb4452f6e1")] // s:k:0
    [InlineData("k", "s", 3599L, 3600, false, 16, "f98951cb4452f6e1")] // s:k:0, last second of window 0
    [InlineData("k", "s", 3600L, 3600, false, 16, "ba330a6ab626756b")] // s:k:1
    [InlineData("clé", "sécret:x", 1700000000L, 3600, false, 16, "4fb32c96a094eded")] // UTF-8 message
    public void Computed_vectors(string key, string secret, long unixSeconds, int lifetime, bool previous, int length, string expected) =>
        Assert.Equal(expected, AdminTokens.Create(key, secret, At(unixSeconds), lifetime, previous, length).Reveal());

    [Fact]
    public void Fractions_of_a_second_and_the_offset_do_not_matter()
    {
        var expected = AdminTokens.Create(Key, Secret, At(1700000000));
        Assert.Equal(expected, AdminTokens.Create(Key, Secret, DateTimeOffset.FromUnixTimeMilliseconds(1700000000999)));
        Assert.Equal(expected, AdminTokens.Create(Key, Secret, At(1700000000).ToOffset(TimeSpan.FromHours(-6))));
    }

    [Fact]
    public void A_token_lives_in_its_window_and_the_next()
    {
        // L = 30: window N = 56666666 spans 1699999980..1700000009 (python script above prints the boundaries and the
        // validity of a token issued at 1700000009 at each of them: True, True, True, False).
        const int lifetime = 30;
        var issued = AdminTokens.Create(Key, Secret, At(1700000009), lifetime);

        Assert.True(AdminTokens.IsValid(issued, Key, Secret, At(1700000009), lifetime)); // last second of N
        Assert.True(AdminTokens.IsValid(issued, Key, Secret, At(1700000010), lifetime)); // first second of N+1
        Assert.True(AdminTokens.IsValid(issued, Key, Secret, At(1700000039), lifetime)); // last second of N+1
        Assert.False(AdminTokens.IsValid(issued, Key, Secret, At(1700000040), lifetime)); // first second of N+2
    }

    [Fact]
    public void A_token_of_a_later_window_is_not_valid_earlier()
    {
        var later = AdminTokens.Create(Key, Secret, At(1700000040), 30);
        Assert.False(AdminTokens.IsValid(later, Key, Secret, At(1700000039), 30));
    }

    [Fact]
    public void The_spec_tokens_are_valid_at_the_spec_time()
    {
        Assert.True(AdminTokens.IsValid(new AdminToken("3ae360341e9715c1"), Key, Secret, At(1700000000)));
        Assert.True(AdminTokens.IsValid(new AdminToken("84682ae203120843"), Key, Secret, At(1700000000)));
    }

    [Fact]
    public void Wrong_or_missing_tokens_are_not_valid()
    {
        var now = At(1700000000);
        Assert.False(AdminTokens.IsValid(null, Key, Secret, now));
        Assert.False(AdminTokens.IsValid(new AdminToken("3ae360341e9715c2"), Key, Secret, now));
        Assert.False(AdminTokens.IsValid(new AdminToken("3ae360341e9715c"), Key, Secret, now));
        Assert.False(AdminTokens.IsValid(new AdminToken("3AE360341E9715C1"), Key, Secret, now));
        Assert.False(AdminTokens.IsValid(new AdminToken("3ae360341e9715c1"), "other-key", Secret, now));
        Assert.False(AdminTokens.IsValid(new AdminToken("3ae360341e9715c1"), Key, "other-secret", now));
        Assert.False(AdminTokens.IsValid(new AdminToken("3ae360341e9715c1"), Key, Secret, now, lifetimeSeconds: 30));
    }

    [Fact]
    public void An_empty_key_computes_what_the_original_computes()
    {
        // Python: get_admin_token('') at time 1700000000 with CATALOG_ADMIN_TOKEN_SECRET=test-secret, from
        // datacatalog/tokens/admin.py of python-datacatalog 51ab3666, Debian python3 3.11. AdminTokenOptions still
        // refuses an empty key as configuration.
        Assert.Equal("a0fb6889ba0b9a4e", AdminTokens.Create("", Secret, At(1700000000)).Reveal());
    }

    [Fact]
    public void Bad_arguments_are_refused_by_name()
    {
        var now = At(1700000000);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => AdminTokens.Create(null!, Secret, now)).ParamName);
        Assert.Equal("secret", Assert.ThrowsAny<ArgumentException>(() => AdminTokens.Create(Key, null!, now)).ParamName);
        Assert.Equal("lifetimeSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => AdminTokens.Create(Key, Secret, now, 0)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => AdminTokens.Create(Key, Secret, now, length: 0)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => AdminTokens.Create(Key, Secret, now, length: 65)).ParamName);
        Assert.ThrowsAny<ArgumentException>(() => AdminTokens.IsValid(null, Key, "", now));
    }

    [Fact]
    public void A_token_never_prints_itself() =>
        Assert.Equal("*****", AdminTokens.Create(Key, Secret, At(1700000000)).ToString());
}
