using Microsoft.Data.Sqlite;
using PipelineSdk.Stores.Embedded;

namespace PipelineSdk.Stores.Tests;

/// <summary>
/// The embedded store keeps its compiled statements, their parameter objects and a per-thread JSON writer between
/// calls: what a call binds or writes must never carry over into the next one.
/// </summary>
public sealed class EmbeddedStatementTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("psdk-statements-").FullName;

    [Fact]
    public void A_kept_statement_binds_each_call_s_own_values_whatever_their_types()
    {
        using var session = Open();
        const string Sql = "SELECT typeof($value) || ':' || coalesce($value, '')";

        Assert.Equal("integer:42", session.Scalar(Sql, ("$value", 42L)));
        Assert.Equal("text:forty-two", session.Scalar(Sql, ("$value", "forty-two")));
        Assert.Equal("null:", session.Scalar(Sql, ("$value", null)));
        Assert.Equal("real:4.5", session.Scalar(Sql, ("$value", 4.5)));
        Assert.Equal("integer:7", session.Scalar(Sql, ("$value", 7L)));
    }

    [Fact]
    public void A_kept_statement_called_with_its_parameters_in_another_order_binds_them_by_name()
    {
        using var session = Open();
        const string Sql = "SELECT $a || $b";

        Assert.Equal("xy", session.Scalar(Sql, ("$a", "x"), ("$b", "y")));
        Assert.Equal("pq", session.Scalar(Sql, ("$b", "q"), ("$a", "p")));
        Assert.Equal("st", session.Scalar(Sql, ("$a", "s"), ("$b", "t")));
    }

    [Fact]
    public void Recent_salts_are_written_as_the_JSON_list_any_stored_list_of_texts_is()
    {
        var salts = new List<string> { "wo0g32cnjn6zslvmv6cjaa==", "a+b/c=", "quote\"and\\slash" };

        var written = EmbeddedDocuments.ToJson(salts);

        Assert.Equal(EmbeddedDocuments.ToJson(salts.Cast<object?>().ToList()), written);
        Assert.Equal(salts, Assert.IsType<List<object?>>(EmbeddedDocuments.FromJson(written)));
    }

    [Fact]
    public void A_document_that_failed_half_way_leaves_nothing_in_the_next_one()
    {
        var unstorable = new List<object?> { "first", new Uri("https://example.org/") };
        Assert.Throws<ArgumentException>(() => EmbeddedDocuments.ToJson(unstorable));

        Assert.Equal("[\"second\"]", EmbeddedDocuments.ToJson(new List<object?> { "second" }));
    }

    [Fact]
    public void A_large_document_is_written_whole_and_the_next_small_one_alone()
    {
        var large = new string('x', 200_000);

        Assert.Equal($"[\"{large}\"]", EmbeddedDocuments.ToJson(new List<object?> { large }));
        Assert.Equal("[1]", EmbeddedDocuments.ToJson(new List<object?> { 1 }));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private EmbeddedSession Open() =>
        new(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "statements.sqlite"), Pooling = false }.ToString(), "PRAGMA journal_mode = WAL;");
}
