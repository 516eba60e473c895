using PipelineSdk.Tokens;

namespace PipelineSdk.Tests.Tokens;

public class SaltsTests
{
    [Fact]
    public void New_salts_are_lower_cased_padded_base64_of_16_bytes()
    {
        var salts = Enumerable.Range(0, 500).Select(_ => Salts.NewSalt()).ToList();
        Assert.Equal(salts.Count, salts.Distinct().Count());
        Assert.All(salts, salt =>
        {
            Assert.Equal(24, salt.Length);
            Assert.Matches("^[a-z0-9+/]{22}==$", salt);
            // Lower-casing loses information, but the text must still be base64 of 16 bytes.
            Assert.Equal(16, Convert.FromBase64String(salt).Length);
        });
    }
}
