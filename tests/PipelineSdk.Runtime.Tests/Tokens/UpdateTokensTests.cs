using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;
using PipelineSdk.Tokens;

namespace PipelineSdk.Tests.Tokens;

public class UpdateTokensTests
{
    private static readonly JobAdmin SpecAdmin = new("sd2eadm", "SD2E-Community", "sd2e");

    // The Python original's vector.
    [Fact]
    public void Spec_vector()
    {
        Assert.Equal("75e323a3576d3838", UpdateTokens.Derive("aaecawqfbgcicqolda0odw==", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", SpecAdmin).Reveal());
        Assert.Equal(
            "['107b93f3-1eae-5e79-8a18-0a480f8aa3a5', {'owner': 'sd2eadm', 'project': 'SD2E-Community', 'tenant': 'sd2e'}]",
            UpdateTokens.TokenFields("107b93f3-1eae-5e79-8a18-0a480f8aa3a5", SpecAdmin));
    }

    // Computed with /usr/bin/python3 (3.11): hashlib.sha256((salt + ':' + str([uuid, {'owner': o, 'project': p,
    // 'tenant': t}])).encode()).hexdigest()[:n]; the comment shows each message. Covers lengths, quotes that flip
    // repr's quote character, a backslash, non-ASCII and astral characters.
    [Theory]
    [InlineData("aaecawqfbgcicqolda0odw==", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "sd2eadm", "SD2E-Community", "sd2e", 16, "75e323a3576d3838")] // "aaecawqfbgcicqolda0odw==:['107b93f3-1eae-5e79-8a18-0a480f8aa3a5', {'owner': 'sd2eadm', 'project': 'SD2E-Community', 'tenant': 'sd2e'}]"
    [InlineData("aaecawqfbgcicqolda0odw==", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "sd2eadm", "SD2E-Community", "sd2e", 8, "75e323a3")] // "aaecawqfbgcicqolda0odw==:['107b93f3-1eae-5e79-8a18-0a480f8aa3a5', {'owner': 'sd2eadm', 'project': 'SD2E-Community', 'tenant': 'sd2e'}]"
    [InlineData("aaecawqfbgcicqolda0odw==", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "sd2eadm", "SD2E-Community", "sd2e", 64, "75e323a3576d383883558229c7ed41997e630d317495853b501f9874f6ee3573")] // "aaecawqfbgcicqolda0odw==:['107b93f3-1eae-5e79-8a18-0a480f8aa3a5', {'owner': 'sd2eadm', 'project': 'SD2E-Community', 'tenant': 'sd2e'}]"
    [InlineData("zmxhbwe0znr3ngvzdg9rzw==", "107653ca-020f-5f03-9663-41cff415b087", "o'brien", "Proj \"X\"", "t\u00E9nant", 16, "d61ab82d16289b69")] // "zmxhbwe0znr3ngvzdg9rzw==:['107653ca-020f-5f03-9663-41cff415b087', {'owner': \"o'brien\", 'project': 'Proj \"X\"', 'tenant': 't\u00E9nant'}]"
    [InlineData("zmxhbwe0znr3ngvzdg9rzw==", "107653ca-020f-5f03-9663-41cff415b087", "j\u00FCrgen\U0001F600", "a\\b", "sd2e", 17, "2eae8bbf680f3c193")] // "zmxhbwe0znr3ngvzdg9rzw==:['107653ca-020f-5f03-9663-41cff415b087', {'owner': 'j\u00FCrgen\U0001F600', 'project': 'a\\\\b', 'tenant': 'sd2e'}]"
    public void Matches_python_get_token(string salt, string jobUuid, string owner, string project, string tenant, int length, string expected)
    {
        var admin = new JobAdmin(owner, project, tenant);
        Assert.Equal(expected, UpdateTokens.Derive(salt, jobUuid, admin, length).Reveal());
        if (length == UpdateTokens.DefaultLength)
        {
            Assert.Equal(expected, UpdateTokens.DeriveCallback(salt, jobUuid, admin).Reveal());
        }
    }

    // A message longer than the derivation hashes on the stack (733 UTF-8 bytes). Computed with /usr/bin/python3 as
    // above, owner = 'owner-' + 'x' * 600.
    [Fact]
    public void A_long_owner_hashes_as_python_does()
    {
        var admin = new JobAdmin("owner-" + new string('x', 600), "SD2E-Community", "sd2e");
        Assert.Equal("50f11d897a4d42ad", UpdateTokens.Derive("zmxhbwe0znr3ngvzdg9rzw==", "107653ca-020f-5f03-9663-41cff415b087", admin).Reveal());
    }

    [Fact]
    public void Callback_tokens_use_the_same_algorithm_and_type()
    {
        var token = UpdateTokens.DeriveCallback("aaecawqfbgcicqolda0odw==", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", SpecAdmin);
        Assert.IsType<CallbackToken>(token);
        Assert.Equal("75e323a3576d3838", token.Reveal());
        Assert.Equal("*****", token.ToString());
    }

    [Fact]
    public void Different_salts_give_different_tokens() =>
        Assert.NotEqual(
            UpdateTokens.Derive(Salts.NewSalt(), "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", SpecAdmin).Reveal(),
            UpdateTokens.Derive(Salts.NewSalt(), "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", SpecAdmin).Reveal());

    [Fact]
    public void An_empty_salt_hashes_as_the_original_hashes_it()
    {
        // Python: get_token('', ['107b93f3-…', {'owner': 'sd2eadm', 'project': 'SD2E-Community', 'tenant': 'sd2e'}])
        // with datacatalog/tokens/token.py of python-datacatalog 51ab3666, Debian python3 3.11.
        Assert.Equal("8b9b18fa6b427b12", UpdateTokens.Derive("", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", SpecAdmin).Reveal());
    }

    [Fact]
    public void Bad_arguments_are_rejected_without_echoing_the_salt()
    {
        const string Salt = "c2VjcmV0c2FsdHZhbHVlcw==";
        Assert.Equal("salt", Assert.Throws<ArgumentNullException>(() => UpdateTokens.Derive(null!, "u", SpecAdmin)).ParamName);
        Assert.Equal("jobUuid", Assert.Throws<ArgumentNullException>(() => UpdateTokens.Derive(Salt, null!, SpecAdmin)).ParamName);
        Assert.Equal("admin", Assert.Throws<ArgumentNullException>(() => UpdateTokens.Derive(Salt, "u", null!)).ParamName);
        var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => UpdateTokens.Derive(Salt, "u", SpecAdmin, 65));
        var tooShort = Assert.Throws<ArgumentOutOfRangeException>(() => UpdateTokens.Derive(Salt, "u", SpecAdmin, 0));
        Assert.DoesNotContain(Salt, tooLong.Message);
        Assert.DoesNotContain(Salt, tooShort.Message);
    }
}
