using PipelineSdk.Identifiers;
using PipelineSdk.Python;

namespace PipelineSdk.Tests.Identifiers;

public class CodePointComparerTests
{
    // Python: sorted(['\ue000', '\U0001F600', '\uffff', 'a', 'Z', '', 'ab', '\xe9', '\U00010000'])
    //   == ['', 'Z', 'a', 'ab', '\xe9', '\ue000', '\uffff', '\U00010000', '\U0001F600']
    [Fact]
    public void Sorts_like_python_sorted()
    {
        string[] values = ["\ue000", "\U0001F600", "\uffff", "a", "Z", "", "ab", "\u00e9", "\U00010000"];
        Array.Sort(values, CodePointComparer.Instance);
        Assert.Equal(["", "Z", "a", "ab", "\u00e9", "\ue000", "\uffff", "\U00010000", "\U0001F600"], values);
    }

    // Kept out of [InlineData], whose serialisation replaces lone surrogates. Python: '\ud800' < '\ue000' and
    // '\ud800' < '\U00010000' (a lone surrogate is its own code point, below U+E000).
    [Fact]
    public void A_lone_surrogate_is_its_own_code_point()
    {
        Assert.True(CodePointComparer.Instance.Compare("\ud800", "\ue000") < 0);
        Assert.True(CodePointComparer.Instance.Compare("\ud800", "\U00010000") < 0);
        Assert.True(CodePointComparer.Instance.Compare("\ud800x", "\ud800\udc00") < 0);
    }

    [Theory]
    [InlineData("\U0001F600", "\ue000", 1)] // UTF-16 ordinal order says the opposite
    [InlineData("x\U0001F600", "x\uffff", 1)]
    [InlineData("abc", "abd", -1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("ab", "abc", -1)]
    [InlineData(null, "", -1)]
    public void Compares_code_points(string? x, string? y, int expected)
    {
        Assert.Equal(expected, Math.Sign(CodePointComparer.Instance.Compare(x, y)));
        Assert.Equal(-expected, Math.Sign(CodePointComparer.Instance.Compare(y, x)));
    }
}
