using PipelineSdk.Identifiers;

namespace PipelineSdk.Tests.Identifiers;

public class SessionNamesTests
{
    [Fact]
    public void Word_lists_are_large_distinct_short_lowercase_ascii()
    {
        foreach (var words in new[] { SessionNameWords.Adjectives, SessionNameWords.Animals })
        {
            Assert.True(words.Length >= 100, $"only {words.Length} words");
            Assert.Equal(words.Length, words.Distinct(StringComparer.Ordinal).Count());
            Assert.All(words, word => Assert.Matches("^[a-z]{2,8}$", word));
        }
    }

    [Fact]
    public void Default_names_are_an_adjective_and_an_animal()
    {
        var names = Enumerable.Range(0, 300).Select(_ => SessionNames.Generate()).ToList();
        Assert.All(names, name =>
        {
            var parts = name.Split('-');
            Assert.Equal(2, parts.Length);
            Assert.Contains(parts[0], SessionNameWords.Adjectives);
            Assert.Contains(parts[1], SessionNameWords.Animals);
        });
        // 300 draws from about 24,000 names: a handful of repeats at most, never a constant.
        Assert.True(names.Distinct().Count() > 250);
    }

    [Theory]
    [InlineData(1, "_")]
    [InlineData(3, "_")]
    [InlineData(4, "")]
    public void Word_count_and_separator_are_honoured(int words, string separator)
    {
        var name = SessionNames.Generate(words, separator);
        var pattern = separator.Length == 0 ? $"^[a-z]{{{2 * words},{8 * words}}}$" : $"^[a-z]{{2,8}}(_[a-z]{{2,8}}){{{words - 1}}}$";
        Assert.Matches(pattern, name);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionNames.Generate(0));
        Assert.Throws<ArgumentNullException>(() => SessionNames.Generate(2, null!));
    }
}
