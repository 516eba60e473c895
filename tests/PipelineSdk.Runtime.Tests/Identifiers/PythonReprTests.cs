using PipelineSdk.Identifiers;
using PipelineSdk.Python;

namespace PipelineSdk.Tests.Identifiers;

public class PythonReprTests
{
    // Computed with /usr/bin/python3 (3.11): repr(s). Covers quote choice, backslash and the named escapes, \xhh for
    // C0/C1 controls, DEL, NBSP (Zs) and the soft hyphen (Cf), \uXXXX for separators, format characters, private
    // use, unassigned and lone surrogates, \UXXXXXXXX above the BMP, and printable non-ASCII kept as is.
    [Theory]
    [InlineData("", "''")]
    [InlineData("abc", "'abc'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("tab\u0009 nl\u000A cr\u000D", "'tab\\t nl\\n cr\\r'")]
    [InlineData("\u0000\u001F\u007F\u001B", "'\\x00\\x1f\\x7f\\x1b'")]
    [InlineData("\u0080\u009F\u00A0\u00AD\u00FF", "'\\x80\\x9f\\xa0\\xad\u00FF'")]
    [InlineData("caf\u00E9", "'caf\u00E9'")]
    [InlineData("\u4E2D\u6587", "'\u4E2D\u6587'")]
    [InlineData("\U0001F600", "'\U0001F600'")]
    [InlineData("\u2028\u2029\u3000\u00A0 ", "'\\u2028\\u2029\\u3000\\xa0 '")]
    [InlineData("\uE000\U000F0000\U0010FFFD", "'\\ue000\\U000f0000\\U0010fffd'")]
    [InlineData("\u0378", "'\\u0378'")]
    [InlineData("\u200B\uFEFF\u061C", "'\\u200b\\ufeff\\u061c'")]
    [InlineData("e\u0301", "'e\u0301'")]
    [InlineData("\u0394\u03B1 \u0627\u0644", "'\u0394\u03B1 \u0627\u0644'")]
    [InlineData("\U0001D11E", "'\U0001D11E'")]
    [InlineData("\U000E0001", "'\\U000e0001'")]
    [InlineData("'\"\\", "'\\'\"\\\\'")]
    public void Str_matches_python_repr(string value, string expected) => Assert.Equal(expected, PythonRepr.Str(value));

    // Lone surrogates (kept out of [InlineData], whose serialisation replaces them). Python: repr('\ud800'),
    // repr('x\udfffy'), repr('\ud83d') (a high surrogate with nothing after it).
    [Fact]
    public void Lone_surrogates_are_escaped()
    {
        Assert.Equal("'\\ud800'", PythonRepr.Str("\uD800"));
        Assert.Equal("'x\\udfffy'", PythonRepr.Str("x\uDFFFy"));
        Assert.Equal("'\\ud83d'", PythonRepr.Str("\uD83D"));
    }

    // Python: repr([]), repr(['a']), repr(['a', "b'c", 'd"e'])
    [Theory]
    [InlineData(new string[0], "[]")]
    [InlineData(new[] { "a" }, "['a']")]
    [InlineData(new[] { "a", "b'c", "d\"e" }, "['a', \"b'c\", 'd\"e']")]
    [InlineData(new[] { "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "caf\u00e9" }, "['107b93f3-1eae-5e79-8a18-0a480f8aa3a5', 'caf\u00e9']")]
    public void List_matches_python_repr(string[] items, string expected) => Assert.Equal(expected, PythonRepr.List(items));

    // Python: repr({'owner': 'sd2eadm', 'project': 'SD2E-Community', 'tenant': 'sd2e'}), repr({}), repr({"it's": 'x\n'})
    [Fact]
    public void Dict_keeps_insertion_order_and_matches_python_repr()
    {
        Assert.Equal("{}", PythonRepr.Dict([]));
        Assert.Equal(
            "{'owner': 'sd2eadm', 'project': 'SD2E-Community', 'tenant': 'sd2e'}",
            PythonRepr.Dict([new("owner", "sd2eadm"), new("project", "SD2E-Community"), new("tenant", "sd2e")]));
        Assert.Equal("{\"it's\": 'x\\n', 'a': 'b'}", PythonRepr.Dict([new("it's", "x\n"), new("a", "b")]));
    }

    [Fact]
    public void Null_items_are_rejected_naming_their_index()
    {
        var error = Assert.Throws<ArgumentException>(() => PythonRepr.List(["a", null!]));
        Assert.Contains("[1]", error.Message);
        Assert.Throws<ArgumentException>(() => PythonRepr.Dict([new("a", null!)]));
        Assert.Throws<ArgumentNullException>(() => PythonRepr.Str(null!));
    }
}
