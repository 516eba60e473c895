namespace PipelineSdk.Cli.Tests;

public class BatchTests
{
    [Fact]
    public void Batch_prints_one_result_per_line_in_order()
    {
        var stdin = """
            {"type":"experiment","text":"experiment.ginkgo.10001"}
            {"type":"generic","text":""}
            """;
        var (exit, stdout, stderr) = CliRunner.Run(["uuid", "--batch"], stdin);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        // Python typed_uuid('', 'generic')
        Assert.Equal("102edd93-29d6-5483-b60b-8dfd4d094b9c\n1001a831-ce4e-56c7-954b-43d740ea56f4\n", stdout);
    }

    [Fact]
    public void Batch_takes_data_as_a_json_value_and_child_of_as_an_array()
    {
        var stdin = """{"pipeline":"10650844-1baa-55c5-a481-5e945b19c065","child_of":["102edd93-29d6-5483-b60b-8dfd4d094b9c"],"data":{"example_data":"datadata"}}""";
        var (exit, stdout, _) = CliRunner.Run(["job-uuid", "--batch"], stdin);
        Assert.Equal(0, exit);
        Assert.Equal("107653ca-020f-5f03-9663-41cff415b087\n", stdout);
    }

    [Fact]
    public void Batch_admin_token_takes_numbers_and_booleans()
    {
        var stdin = """
            {"key":"test-key","at":1700000000}
            {"key":"test-key","at":1700000000,"previous":true,"lifetime":3600}
            """;
        var (exit, stdout, _) = CliRunner.Run(["admin-token", "--batch"], stdin);
        Assert.Equal(0, exit);
        Assert.Equal("3ae360341e9715c1\n84682ae203120843\n", stdout); // the Python original's test vector
    }

    [Fact]
    public void A_bad_line_prints_an_error_in_its_place_and_the_exit_code_is_1()
    {
        var stdin = """
            {"type":"experiment","text":"experiment.ginkgo.10001"}
            {"type":"spaceship","text":"x"}
            not json
            {"type":"experiment"}
            {"type":"experiment","text":"experiment.ginkgo.10001","colour":"red"}
            {"type":"experiment","text":"experiment.ginkgo.10001"}
            """;
        var (exit, stdout, _) = CliRunner.Run(["uuid", "--batch"], stdin);
        Assert.Equal(1, exit);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Equal("102edd93-29d6-5483-b60b-8dfd4d094b9c", lines[0]);
        Assert.StartsWith("error: ", lines[1]);
        Assert.Contains("spaceship", lines[1]);
        Assert.StartsWith("error: ", lines[2]);
        Assert.Contains("not valid JSON", lines[2]);
        Assert.Contains("missing required option text", lines[3]);
        Assert.Contains("unknown key 'colour'", lines[4]);
        Assert.Equal("102edd93-29d6-5483-b60b-8dfd4d094b9c", lines[5]);
    }
}
