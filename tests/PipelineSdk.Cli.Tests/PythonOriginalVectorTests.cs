using PipelineSdk.Jobs;

namespace PipelineSdk.Cli.Tests;

/// <summary>
/// The compute verbs against values computed by the Python original's own functions: the source of
/// SD2E/python-datacatalog at commit 51ab3666 (uuid_to_hashid and catalog_uuid in
/// datacatalog/identifiers/typeduuid/typeduuid.py, get_token in datacatalog/tokens/token.py, get_admin_token in
/// datacatalog/tokens/admin.py, the job store's get_linearized_values and the manager's self_from_ids), loaded
/// function by function and run with Debian's python3 3.11 and python3-hashids 1.3.1. Each group names its call.
/// </summary>
public class PythonOriginalVectorTests
{
    private const string Generic = "1001a831-ce4e-56c7-954b-43d740ea56f4";

    /// <summary>uuid_to_hashid(s): every spelling Python's uuid.UUID(s) accepts.</summary>
    public static TheoryData<string, string> HashidSpellings => new()
    {
        { Generic, "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "1001A831-CE4E-56C7-954B-43D740EA56F4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "1001a831ce4e56c7954b43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "{1001a831-ce4e-56c7-954b-43d740ea56f4}", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "{{1001a831-ce4e-56c7-954b-43d740ea56f4}}", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "{1001a831-ce4e-56c7-954b-43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "1001a831-ce4e-56c7-954b-43d740ea56f4}}}", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "{}1001a831ce4e56c7954b43d740ea56f4{}", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "urn:uuid:1001a831-ce4e-56c7-954b-43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "uuid:1001a831-ce4e-56c7-954b-43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "urn:1001a831-ce4e-56c7-954b-43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "urn:uuid:{1001a831-ce4e-56c7-954b-43d740ea56f4}", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "uurn:uid:1001a831ce4e56c7954b43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "1001-a831-ce4e-56c7-954b-43d7-40ea-56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "--1001a831ce4e56c7954b43d740ea56f4--", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "1001a831ce4e56c7-urn:-954b43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "0x01a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "0X01a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "+001a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { " 001a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "  01a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "001a831ce4e56c7954b43d740ea56f4\t", "Rj3oPqq0Obz85N55RPvwpd" },
        { "+0x1a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { " 0x1a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "0x_1a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "1001_a831ce4e56c7954b43d740ea56f", "neZ854goOr8wXp2Pw1YQ15v" },
        { "\u0661001a831ce4e56c7954b43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "\uff11001a831ce4e56c7954b43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "\U0001d7cf001a831ce4e56c7954b43d740ea56f4", "BAkwe8wKZY2NgXyBpX8K5R1D" },
        { "\u0660\u066001a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "\u3000001a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "\u00a0001a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "\u0085001a831ce4e56c7954b43d740ea56f4", "Rj3oPqq0Obz85N55RPvwpd" },
        { "1001a831ce4e56c7954b43d740ea56\u2028\u2029", "wRE5pg8LpB5rQLl29eEZ45o" },
        { "00000000-0000-0000-0000-000000000000", "Nd" },
        { "ffffffff-ffff-ffff-ffff-ffffffffffff", "O2eGwlRDdp4O0kJk0KzprO6er" },
    };

    /// <summary>uuid_to_hashid(s) raises ValueError for these.</summary>
    public static TheoryData<string> RefusedSpellings => new()
    {
        "1001a831ce4e56c7954b43d740ea56f",
        "1001a831ce4e56c7954b43d740ea56f40",
        "g001a831ce4e56c7954b43d740ea56f4",
        "1001a831-ce4e-56c7-954b-43d740ea56f4x",
        "(1001a831-ce4e-56c7-954b-43d740ea56f4)",
        "URN:UUID:1001a831-ce4e-56c7-954b-43d740ea56f4",
        "0x1001a831ce4e56c7954b43d740ea56f4",
        "_001a831ce4e56c7954b43d740ea56f4",
        "1001a831ce4e56c7954b43d740ea56f_",
        "1001__a831ce4e56c7954b43d740ea56",
        "++01a831ce4e56c7954b43d740ea56f4",
        "\u001c001a831ce4e56c7954b43d740ea56f4",
        "1001a831ce4e56c7954b43d740ea56f\0",
        "                                ",
        "0x                              ",
        "\U0001d7ce001a831ce4e56c7954b43d740ea56f4z",
    };

    /// <summary>catalog_uuid(text, type): the type by its exact name.</summary>
    public static TheoryData<string, string, string> TypedUuids => new()
    {
        { "generic", "x", "1007a515-a8f0-5090-a7f2-b357f5e929b1" },
        { "pipelinejob_event", "x", "1087a515-a8f0-5090-a7f2-b357f5e929b1" },
        { "structured_request", "x", "1257a515-a8f0-5090-a7f2-b357f5e929b1" },
        { "file", "", "1051a831-ce4e-56c7-954b-43d740ea56f4" },
        { "file", "\u00e9", "105075bf-792c-5a62-8de2-def6fe6a74b1" },
        { "file", "\U0001f600", "105dff4e-2412-5b2e-9d44-6cbb3c70ac5b" },
        { "file", "a:b", "10549b14-0cd1-52b1-a610-3418844fbb47" },
        { "file", new string('x', 1000), "1059a257-4504-5303-b79e-ce0d9d26fc3b" },
    };

    /// <summary>get_token(salt, [uuid, {'owner': o, 'project': p, 'tenant': t}]) with uuid 107b93f3-1eae-5e79-8a18-0a480f8aa3a5.</summary>
    public static TheoryData<string, string, string, string, string> UpdateTokens => new()
    {
        { "", "sd2eadm", "SD2E-Community", "sd2e", "8b9b18fa6b427b12" },
        { "aaecawqfbgcicqolda0odw==", "", "", "", "4082a7a1abd70280" },
        { "s", "o'brien", "p\"q", "it's \"x\"", "b9ceed692b8b2e69" },
        { "s", "\u00e9\u00a0", "\U0001f600", "a\\b\n", "c41ac3e13a4e1880" },
        { "S A L T", "x", "y", "z", "356a09108ac2e2c3" },
    };

    /// <summary>get_admin_token(key, previous) with time.time() = at and CATALOG_ADMIN_TOKEN_LIFETIME = lifetime.</summary>
    public static TheoryData<string, long, int, bool, string> AdminTokens => new()
    {
        { "", 1700000000, 3600, false, "a0fb6889ba0b9a4e" },
        { "", 1700000000, 3600, true, "0dfe6f67f45d7154" },
        { "test-key", 0, 3600, false, "783d80ba4a9c0422" },
        { "test-key", 0, 3600, true, "f6a79185b3c155ed" },
        { "test-key", -1, 3600, false, "783d80ba4a9c0422" },
        { "test-key", -7200, 3600, false, "6bd90126fb53e594" },
        { "test-key", -7201, 3600, true, "73a1cb668a2b4cb6" },
        { "test-key", 253402300799, 3600, false, "d31c5503c47656c6" },
        { "test-key", -62135596800, 3600, false, "5386ea5e3a0a410e" },
        { "cl\u00e9 \U0001f511", 1700000000, 1, false, "782fa3acb0e42ffa" },
        { "test-key", 1700000000, 2147483647, true, "783d80ba4a9c0422" },
    };

    /// <summary>
    /// A ManagedPipelineJob's uuid: child_of = self_from_ids(ids) (a set, sorted), then the job store's
    /// catalog_uuid(get_linearized_values({pipeline_uuid, data, child_of}), 'pipelinejob').
    /// </summary>
    public static TheoryData<string[], string, string> JobUuids => new()
    {
        { ["102edd93-29d6-5483-b60b-8dfd4d094b9c", "102edd93-29d6-5483-b60b-8dfd4d094b9c"], """{"example_data":"datadata"}""", "107653ca-020f-5f03-9663-41cff415b087" },
        { ["1021d0d8-4d1b-5b7f-8e5b-2c0b8f9b3a11", "102edd93-29d6-5483-b60b-8dfd4d094b9c", "1021d0d8-4d1b-5b7f-8e5b-2c0b8f9b3a11", "102edd93-29d6-5483-b60b-8dfd4d094b9c"], "{}", "107c0adb-4c37-58f6-b031-3c1f746532f9" },
        { ["102edd93-29d6-5483-b60b-8dfd4d094b9c", "102EDD93-29D6-5483-B60B-8DFD4D094B9C"], "{}", "107ee088-6586-561d-8cb1-7ed6ccdb1ece" },
    };

    [Theory]
    [MemberData(nameof(HashidSpellings))]
    public void Hashid_takes_every_spelling_python_takes(string spelling, string expected) =>
        AssertPrints(expected, "hashid", "--", spelling);

    [Theory]
    [MemberData(nameof(RefusedSpellings))]
    public void Hashid_refuses_what_python_refuses(string spelling)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["hashid", "--", spelling]);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
    }

    /// <summary>The spellings above of the generic UUID itself (the others read fewer digits).</summary>
    public static TheoryData<string> GenericSpellings()
    {
        var spellings = new TheoryData<string>();
        foreach (var row in HashidSpellings)
        {
            if ((string)row[1] == "BAkwe8wKZY2NgXyBpX8K5R1D")
            {
                spellings.Add((string)row[0]);
            }
        }

        return spellings;
    }

    [Theory]
    [MemberData(nameof(GenericSpellings))]
    public void Uuid_options_take_every_spelling_and_use_the_canonical_form(string spelling) =>
        Assert.Equal(CliRunner.Run(["job-uuid", "--pipeline", Generic]).Stdout, CliRunner.Run(["job-uuid", "--pipeline", spelling]).Stdout);

    [Theory]
    [MemberData(nameof(TypedUuids))]
    public void Uuid_matches_catalog_uuid(string type, string text, string expected) =>
        AssertPrints(expected, "uuid", "--type", type, "--text", text);

    [Theory]
    [InlineData("File")]
    [InlineData("FILE")]
    [InlineData("Generic")]
    [InlineData(" file")]
    [InlineData("file ")]
    public void Uuid_refuses_type_names_the_original_does_not_spell_so(string type)
    {
        // catalog_uuid looks the type up as uuidtypes[uuid_type] and raises KeyError for these.
        var (exit, _, stderr) = CliRunner.Run(["uuid", "--type", type, "--text", "x"]);
        Assert.Equal(2, exit);
        Assert.Contains("--type", stderr);
    }

    [Theory]
    [MemberData(nameof(UpdateTokens))]
    public void Token_matches_get_token(string salt, string owner, string project, string tenant, string expected) =>
        AssertPrints(expected, "token", "--salt", salt, "--uuid", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5",
            "--owner", owner, "--project", project, "--tenant", tenant);

    [Fact]
    public void Token_uses_the_canonical_job_uuid() =>
        AssertPrints("75e323a3576d3838", "token", "--salt", "aaecawqfbgcicqolda0odw==", "--uuid", "{107B93F3-1EAE-5E79-8A18-0A480F8AA3A5}",
            "--owner", "sd2eadm", "--project", "SD2E-Community", "--tenant", "sd2e");

    [Theory]
    [MemberData(nameof(AdminTokens))]
    public void Admin_token_matches_get_admin_token(string key, long at, int lifetime, bool previous, string expected)
    {
        string[] args = ["admin-token", "--key", key, "--at", at.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lifetime", lifetime.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        AssertPrints(expected, previous ? [.. args, "--previous"] : args);
    }

    [Theory]
    [MemberData(nameof(JobUuids))]
    public void Job_uuid_is_the_managed_pipeline_job_value(string[] childOf, string data, string expected) =>
        AssertPrints(expected, ["job-uuid", "--pipeline", "10650844-1baa-55c5-a481-5e945b19c065",
            .. childOf.SelectMany(id => new[] { "--child-of", id }), "--data", data]);

    private static void AssertPrints(string expected, params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        Assert.Equal(expected + "\n", stdout);
    }
}
