namespace PipelineSdk.Jobs.Tests.Support;

/// <summary>Test vectors of the Python original (its fixtures and test_303).</summary>
public static class Vectors
{
    /// <summary>The tacobot pipeline of the original's test fixtures.</summary>
    public const string Tacobot = "10650844-1baa-55c5-a481-5e945b19c065";

    /// <summary>typed_uuid('experiment.ginkgo.10001', 'experiment').</summary>
    public const string Experiment = "102edd93-29d6-5483-b60b-8dfd4d094b9c";

    /// <summary>The experiment's identifier in the original's fixtures.</summary>
    public const string ExperimentId = "experiment.ginkgo.10001";

    /// <summary>test_pipejob_setup_minimal: tacobot, child_of [Experiment], setup data {"example_data":"datadata"}.</summary>
    public const string MinimalJobUuid = "107653ca-020f-5f03-9663-41cff415b087";

    /// <summary>The archive path of that job (init data {}).</summary>
    public const string MinimalArchivePath = "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp";

    /// <summary>The default measurement of §5.3 and its H1 hash.</summary>
    public const string Measurement = "10452d7e-7f0a-59df-a1a3-c5bb44e07f2f";

    /// <summary>H1 of [Measurement].</summary>
    public const string MeasurementHash = "5pQxBkRrRe2GEPOWWZBq4LNQ";

    /// <summary>H2 of {} (§5.3, test_303 comment).</summary>
    public const string EmptyDataHash = "PAVpwrObxp5YjYRvrJOd5yVp";

    /// <summary>H1 of [] (§5.3, computed).</summary>
    public const string NoChildOfHash = "BAkwe8wKZY2NgXyBpX8K5R1D";

    /// <summary>Admin key and secret of §4.4's vectors (test values, not a deployment's).</summary>
    public const string AdminKey = "test-key";

    public const string AdminSecret = "test-secret";
}
