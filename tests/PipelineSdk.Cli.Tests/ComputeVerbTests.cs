namespace PipelineSdk.Cli.Tests;

/// <summary>
/// Each compute verb against vectors from the spec (pipelinejobs-reference §4.2, §4.4, §5.1, §5.3) or computed with
/// Python 3.11 (uuid, hashids 1.x, json) re-implementing the original's functions (see each comment).
/// </summary>
public class ComputeVerbTests
{
    private const string Tacobot = "10650844-1baa-55c5-a481-5e945b19c065";
    private const string Experiment = "102edd93-29d6-5483-b60b-8dfd4d094b9c";

    public static TheoryData<string[], string> Vectors => new()
    {
        // the Python original's test vector
        { ["uuid", "--type", "experiment", "--text", "experiment.ginkgo.10001"], Experiment },
        // Python: typed_uuid('', 'generic') = 1001a831-ce4e-56c7-954b-43d740ea56f4; the Python original gives its hashid
        { ["hashid", "1001a831-ce4e-56c7-954b-43d740ea56f4"], "BAkwe8wKZY2NgXyBpX8K5R1D" },
        // the Python original's test_pipejob_setup_minimal
        { ["job-uuid", "--pipeline", Tacobot, "--child-of", Experiment, "--data", """{"example_data":"datadata"}"""], "107653ca-020f-5f03-9663-41cff415b087" },
        // Python: two child_of given unsorted, nested non-ASCII data
        { ["job-uuid", "--pipeline", "106c46ff-8186-5756-a934-071f4497b58d", "--child-of", "104dae4d-a677-5991-ae1c-696d2ee9884e",
           "--child-of", "10483e8d-6602-532a-8941-176ce20dd05a", "--data", """{"b":[1,2.5],"a":{"z":"é"}}"""], "107b607a-11d5-519e-874a-10a45cf13faf" },
        // the Python original's test vector
        { ["archive-path", "--pipeline", Tacobot, "--child-of", Experiment],
          "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp" },
        // Python: same inputs as the second job-uuid vector
        { ["archive-path", "--pipeline", "106c46ff-8186-5756-a934-071f4497b58d", "--child-of", "104dae4d-a677-5991-ae1c-696d2ee9884e",
           "--child-of", "10483e8d-6602-532a-8941-176ce20dd05a", "--data", """{"b":[1,2.5],"a":{"z":"é"}}"""],
          "/products/v2/106c46ff81865756a934071f4497b58d/3pGOjjEYq3BZ2DJ6e0jLQqWb/3pqJzgBLDK64k8x4ljRnBdE2" },
        // The Python original: instanced directory = session + '-' + UTC timestamp + 'Z'
        { ["archive-path", "--pipeline", Tacobot, "--child-of", Experiment, "--instanced", "--session", "sensible-adder", "--at", "2019-02-15T21:30:09Z"],
          "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp/sensible-adder-20190215T213009Z" },
        // the Python original's test vector
        { ["token", "--salt", "aaecawqfbgcicqolda0odw==", "--uuid", "107b93f3-1eae-5e79-8a18-0a480f8aa3a5", "--owner", "sd2eadm",
           "--project", "SD2E-Community", "--tenant", "sd2e"], "75e323a3576d3838" },
        // The Python original's vector (secret test-secret from the environment)
        { ["admin-token", "--key", "test-key", "--at", "1700000000"], "3ae360341e9715c1" },
        { ["admin-token", "--key", "test-key", "--at", "1700000000", "--previous"], "84682ae203120843" },
        { ["admin-token", "--key", "test-key", "--at", "1700000000", "--lifetime", "3600"], "3ae360341e9715c1" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verb_prints_only_the_value(string[] args, string expected)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        Assert.Equal(expected + "\n", stdout);
    }

    [Fact]
    public void Admin_token_defaults_to_the_current_time()
    {
        // The runner's clock is fixed at 1700000000, the spec's vector time.
        var (exit, stdout, _) = CliRunner.Run(["admin-token", "--key", "test-key"]);
        Assert.Equal(0, exit);
        Assert.Equal("3ae360341e9715c1\n", stdout);
    }

    [Fact]
    public void Instanced_path_without_session_gets_a_generated_name_and_the_timestamp()
    {
        var (exit, stdout, _) = CliRunner.Run(["archive-path", "--pipeline", Tacobot, "--instanced", "--at", "2019-02-15T21:30:09Z"]);
        Assert.Equal(0, exit);
        Assert.EndsWith("20190215T213009Z\n", stdout);
        Assert.StartsWith("/products/v2/106508441baa55c5a4815e945b19c065/", stdout);
    }
}
