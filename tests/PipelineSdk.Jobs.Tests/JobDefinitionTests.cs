using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PipelineSdk.Errors;
using PipelineSdk.Identifiers;
using PipelineSdk.Jobs.Tests.Support;
using PipelineSdk.Jobs;
using PipelineSdk.Stores;

namespace PipelineSdk.Jobs.Tests;

/// <summary>
/// What <see cref="ManagedPipelineJob.CreateAsync"/> resolves before any record exists: the pipeline,
/// child_of with the original's precedence and rules, acted_on/acted_using, agent and task, archive path, patterns.
/// </summary>
public sealed class JobDefinitionTests : JobApiTestBase, IDisposable
{
    private const string Pipe = "106508441baa55c5a4815e945b19c065";
    private readonly TempStoreFile _file = new();

    protected override IPipelineJobStore OpenStore(JobStoreOptions options, ILoggerFactory loggerFactory) => _file.Open(options, loggerFactory);

    public void Dispose() => _file.Dispose();

    private async Task<ManagedPipelineJob> DefineAsync(ManagedPipelineJobOptions options) =>
        await ManagedPipelineJob.CreateAsync(await NewStoreAsync(), Pipelines(), options, Services());

    [Fact]
    public async Task A_typed_uuid_is_taken_by_its_prefix_without_a_lookup()
    {
        // test_uuid_bypass_invalid_metadata: a typed experiment UUID for a record that does not exist is accepted.
        var job = await DefineAsync(new ManagedPipelineJobOptions { MeasurementId = [Vectors.Measurement] });

        Assert.Equal([Vectors.Measurement], job.ChildOf);
        Assert.Empty(Lookup.Asked);
        Assert.Equal($"/products/v2/{Pipe}/{Vectors.MeasurementHash}/{Vectors.EmptyDataHash}", job.ArchivePath);
    }

    [Fact]
    public async Task Other_identifiers_are_looked_up_and_unresolved_ones_dropped()
    {
        var job = await DefineAsync(new ManagedPipelineJobOptions { ExperimentId = [Vectors.ExperimentId, "experiment.nowhere.1"] });

        Assert.Equal([Vectors.Experiment], job.ChildOf);
        Assert.Equal([Vectors.ExperimentId, "experiment.nowhere.1"], Lookup.Asked);
        Assert.Equal(Vectors.MinimalArchivePath, job.ArchivePath);
    }

    [Fact]
    public async Task Nothing_resolvable_is_an_error_naming_the_option()
    {
        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            DefineAsync(new ManagedPipelineJobOptions { SampleId = ["ThisCanNeverEverEverWork"] }));

        Assert.Contains("SampleId", error.Message);
        Assert.Contains("ThisCanNeverEverEverWork", error.Message);
    }

    [Fact]
    public async Task Mixed_types_are_refused()
    {
        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            DefineAsync(new ManagedPipelineJobOptions { ExperimentId = [Vectors.Experiment, Vectors.Measurement] }));

        Assert.Contains("mixed types", error.Message);
    }

    [Fact]
    public async Task A_non_metadata_uuid_is_refused_for_child_of()
    {
        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            DefineAsync(new ManagedPipelineJobOptions { ExperimentId = [Vectors.Tacobot] }));

        Assert.Contains("pipeline UUID", error.Message);
    }

    [Fact]
    public async Task The_first_metadata_option_wins_in_the_originals_order()
    {
        var job = await DefineAsync(new ManagedPipelineJobOptions
        {
            MeasurementId = [Vectors.Measurement],
            ExperimentId = [Vectors.Experiment],
        });

        // experiment_design > experiment > sample > measurement (the code's order).
        Assert.Equal([Vectors.Experiment], job.ChildOf);
    }

    [Fact]
    public async Task No_metadata_gives_an_empty_child_of()
    {
        var job = await DefineAsync(new ManagedPipelineJobOptions());

        Assert.Empty(job.ChildOf);
        Assert.Equal($"/products/v2/{Pipe}/{Vectors.NoChildOfHash}/{Vectors.EmptyDataHash}", job.ArchivePath);
    }

    [Fact]
    public async Task Acted_on_and_acted_using_come_from_inputs_and_data()
    {
        const string fileA = "105aaaaa-0000-5000-8000-000000000001";
        const string fileB = "105bbbbb-0000-5000-8000-000000000002";
        const string fileC = "105ccccc-0000-5000-8000-000000000003";
        const string reference = "109ddddd-0000-5000-8000-000000000004";
        Lookup.Inputs["agave://data-sd2e-community/uploads/a.fcs"] = fileA;
        Lookup.Inputs["agave://data-sd2e-community/data/b.csv"] = fileB;
        Lookup.Inputs["agave://data-sd2e-community/uploads/c.fcs"] = fileC;
        Lookup.Inputs["https://example.org/genome.fa"] = reference;
        var data = new JsonObject
        {
            // Dict inputs: every value; one that does not match the URI pattern gets the default system.
            ["inputs"] = new JsonObject { ["first"] = "agave://data-sd2e-community/uploads/a.fcs", ["second"] = "/data/b.csv" },
            ["parameters"] = new JsonObject { ["ref"] = "https://example.org/genome.fa", ["again"] = "/uploads/a.fcs", ["n"] = "7" },
        };

        var job = await DefineAsync(new ManagedPipelineJobOptions { Data = data, Inputs = ["agave://data-sd2e-community/uploads/c.fcs", "unknown-file"] });

        Assert.Equal([fileA, fileB, fileC], job.ActedOn);
        // The original takes every value of dict-form inputs for references too, so b.csv resolves there as well.
        Assert.Equal([fileB, reference], job.ActedUsing);
    }

    [Fact]
    public async Task List_inputs_keep_only_uris_and_non_string_values_are_refused()
    {
        const string file = "105aaaaa-0000-5000-8000-000000000001";
        Lookup.Inputs["/uploads/a.fcs"] = file;
        Lookup.Inputs["agave://data-sd2e-community/uploads/a.fcs"] = file;
        var listed = await DefineAsync(new ManagedPipelineJobOptions
        {
            Data = new JsonObject { ["inputs"] = new JsonArray("/uploads/a.fcs", "a.fcs") },
        });
        Assert.Equal([file], listed.ActedOn);

        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() => DefineAsync(new ManagedPipelineJobOptions
        {
            Data = new JsonObject { ["parameters"] = new JsonObject { ["count"] = 3 } },
        }));
        Assert.Contains("data.parameters.count", error.Message);
    }

    [Fact]
    public async Task Agent_and_task_are_canonical_urls_and_session_defaults_to_a_name()
    {
        var job = await DefineAsync(new ManagedPipelineJobOptions { Agent = "G46vjoAVzGkkz", Task = "kGqWBz3Pm6Pwz" });
        Assert.Equal("https://api.sd2e.org/actors/v2/G46vjoAVzGkkz", job.Agent);
        Assert.Equal("https://api.sd2e.org/actors/v2/G46vjoAVzGkkz/executions/kGqWBz3Pm6Pwz", job.Task);
        Assert.Matches("^[a-z]+-[a-z]+$", job.Session);

        var app = await DefineAsync(new ManagedPipelineJobOptions { Agent = "tacc-sample-app-0.1.0u2", Task = "4816915939341979161-242ac11b-0001-007" });
        Assert.Equal("https://api.sd2e.org/apps/v2/tacc-sample-app-0.1.0u2", app.Agent);
        Assert.Equal("https://api.sd2e.org/jobs/v2/4816915939341979161-242ac11b-0001-007", app.Task);
    }

    [Fact]
    public async Task Instanced_and_custom_archive_paths()
    {
        var instanced = await DefineAsync(new ManagedPipelineJobOptions { Instanced = true, Session = "sensible-adder" });
        Assert.StartsWith($"/products/v2/{Pipe}/{Vectors.NoChildOfHash}/{Vectors.EmptyDataHash}/sensible-adder-", instanced.ArchivePath);
        Assert.EndsWith("Z", instanced.ArchivePath);

        var custom = await DefineAsync(new ManagedPipelineJobOptions { ArchivePath = "/products/v2/custom/place", Instanced = true });
        Assert.Equal("/products/v2/custom/place", custom.ArchivePath);
    }

    [Fact]
    public async Task Pipeline_problems_are_named()
    {
        var store = await NewStoreAsync();
        var noPipeline = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            ManagedPipelineJob.CreateAsync(store, Pipelines() with { PipelineUuid = null }, null, Services()));
        Assert.Contains("\"pipeline_uuid\" is required", noPipeline.Message);

        var unknown = await Assert.ThrowsAsync<UnknownPipelineException>(() =>
            ManagedPipelineJob.CreateAsync(store, Pipelines(), new ManagedPipelineJobOptions { PipelineUuid = "106c46ff-8186-5756-a934-071f4497b58d" }, Services()));
        Assert.Equal("106c46ff-8186-5756-a934-071f4497b58d", unknown.PipelineUuid);
    }

    [Fact]
    public async Task Index_patterns_are_validated_and_every_problem_named()
    {
        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() => DefineAsync(new ManagedPipelineJobOptions
        {
            ArchivePatterns = [new JsonObject { ["level"] = "9", ["patterns"] = new JsonArray(".png$") }, new JsonObject { ["level"] = "1", ["patterns"] = new JsonArray("(") }],
            ProductPatterns = [new JsonObject { ["patterns"] = new JsonArray("x") }],
        }));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("ArchivePatterns[0].level", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("ArchivePatterns[1].patterns", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("ProductPatterns[0].derived_from", StringComparison.Ordinal));

        var ok = await DefineAsync(new ManagedPipelineJobOptions
        {
            ArchivePatterns = [new JsonObject { ["processing_level"] = "User", ["filters"] = new JsonArray(".png$") }],
            ProductPatterns = [new JsonObject { ["patterns"] = new JsonArray("ansible.png$"), ["derived_from"] = new JsonArray("./biofab/blebob.jpg") }],
        });
        Assert.Single(ok.ArchivePatterns);
    }

    [Fact]
    public async Task Owner_comes_from_the_environment_or_is_an_error()
    {
        var store = await NewStoreAsync();
        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() =>
            ManagedPipelineJob.CreateAsync(store, Pipelines(), null, Services() with { Environment = new Dictionary<string, string>() }));
        Assert.Contains("TACC_USERNAME", error.Message);

        var job = await ManagedPipelineJob.CreateAsync(store, Pipelines(), null,
            Services() with { Environment = new Dictionary<string, string> { ["AGAVE_USERNAME"] = "vaughn", ["TACC_TENANT"] = "tacc" } });
        await job.SetupAsync();
        Assert.Equal(new JobAdmin("vaughn", "SD2E-Community", "tacc"), job.Job!.Admin);
    }
}
