using System.Text.RegularExpressions;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Tokens;

namespace PipelineSdk.Reliability.Tests.Security;

/// <summary>
/// Admin tokens are valid only in the window they were issued for and the next one, whatever the time and lifetime;
/// and every comparison of token text in the runtime goes through <see cref="TokenComparer"/>, which uses
/// <c>CryptographicOperations.FixedTimeEquals</c> (checked on the source, not by timing).
/// </summary>
public sealed class AdminTokenTests : SecretCheckedTest
{
    [Fact]
    public void A_token_is_valid_in_its_window_and_the_next_only()
    {
        Fuzz.Run(nameof(A_token_is_valid_in_its_window_and_the_next_only), 5000, TimeSpan.FromSeconds(5), (random, _) =>
        {
            var lifetime = random.Next(1, 7200);
            var issued = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(0, 4_000_000_000));
            var checkedAt = issued.AddSeconds(random.Next(-3 * lifetime, 3 * lifetime));
            var options = TestStores.AdminOptions(lifetime);
            var token = AdminTokens.Create(options.Key!, options.Secret!, issued, lifetime);

            // Independent of the hash: the window is floor(unix seconds / lifetime).
            var windows = (checkedAt.ToUnixTimeSeconds() / lifetime) - (issued.ToUnixTimeSeconds() / lifetime);
            Assert.Equal(windows is 0 or 1, AdminTokens.IsValid(token, options.Key!, options.Secret!, checkedAt, lifetime));

            // A token of the same length differing in one character is never valid.
            var text = token.Reveal().ToCharArray();
            var at = random.Next(text.Length);
            text[at] = text[at] == '0' ? '1' : '0';
            Assert.False(AdminTokens.IsValid(new AdminToken(new string(text)), options.Key!, options.Secret!, issued, lifetime));
        });
    }

    [Fact]
    public void Token_text_is_compared_only_through_the_fixed_time_comparer()
    {
        var runtime = Path.Combine(RepositoryRoot(), "runtime", "PipelineSdk.Runtime");
        var comparer = File.ReadAllText(Path.Combine(runtime, "Tokens", "TokenComparer.cs"));
        Assert.Contains("CryptographicOperations.FixedTimeEquals(", comparer);

        // A revealed token (or salt-derived token text) compared any other way would leak timing.
        var unsafeComparison = new Regex(@"Reveal\(\)\s*(==|!=)|(==|!=)\s*\w+\.Reveal\(\)|Reveal\(\)\.(Equals|StartsWith|EndsWith|CompareTo|SequenceEqual|Contains)\(|string\.(Equals|Compare)\([^;]*Reveal\(\)");
        var offenders = Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(item => unsafeComparison.IsMatch(item.line))
            .Select(item => $"{Path.GetRelativePath(runtime, item.file)}:{item.index + 1}: {item.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);

        // The places that check tokens call the comparer (equal-length right and wrong tokens take the same path).
        foreach (var file in new[] { "Tokens/AdminTokens.cs", "Tokens/SecretToken.cs", "Stores/Internal/EventGuard.cs" })
        {
            Assert.Contains("TokenComparer.FixedTimeEquals(", File.ReadAllText(Path.Combine(runtime, file)));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PipelineSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PipelineSdk.sln not found");
    }
}
