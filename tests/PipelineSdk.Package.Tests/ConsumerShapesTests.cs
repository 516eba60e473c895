using PipelineSdk.Identifiers;
using PipelineSdk.Jobs;

namespace PipelineSdk.Package.Tests;

/// <summary>
/// New projects as a user starts them (<c>dotnet new console</c> plus the core and embedded store references): with no schema at all,
/// with only a config schema, only an event payload schema or only a message schema, and a project that references
/// one of them. Each builds from the packed package with zero warnings and runs generated code from top-level
/// statements that have no using of the project's namespace. One restore and one parallel build serve all five.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ConsumerShapesTests(PackedFeed packed)
{
    private const string PipelineUuid = "10650844-1baa-55c5-a481-5e945b19c065";

    /// <summary>What the shapes share: a job on an embedded store in the folder given as the first argument.</summary>
    private const string CreateJob = $$"""
        using PipelineSdk;
        using PipelineSdk.Configuration;
        using PipelineSdk.Identifiers;
        using PipelineSdk.Jobs;
        using PipelineSdk.Stores.Embedded;

        using var store = new EmbeddedJobStore(new EmbeddedStoreOptions { FilePath = Path.Combine(args[0], "jobs.db") });
        await store.RegisterPipelineAsync("{{PipelineUuid}}", null);
        var job = await ManagedPipelineJob.CreateAsync(store, new PipelinesSettings { PipelineUuid = "{{PipelineUuid}}" },
            new ManagedPipelineJobOptions { Admin = new JobAdmin("alice") });
        await job.SetupAsync();
        await job.RunAsync();

        """;

    private const string ConfigSchema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "ShapeReactorSettings",
          "allOf": [{ "$ref": "pipelinesdk:reactor_config.schema.json" }],
          "type": "object",
          "properties": {
            "shape": {
              "title": "ShapeSettings",
              "type": "object",
              "properties": { "steps": { "type": "integer", "minimum": 1, "default": 3 } }
            }
          }
        }
        """;

    private const string MessageSchema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "ShapeMessage",
          "type": "object",
          "properties": { "sample": { "type": "string", "minLength": 1 } },
          "required": ["sample"]
        }
        """;

    /// <summary>The project name, its files (path → text) and the line its program prints.</summary>
    private static readonly (string Name, Dictionary<string, string> Files, string Prints)[] Shapes =
    [
        ("NoSchemas", new()
        {
            ["Program.cs"] = CreateJob + """Console.WriteLine($"state {job.State!.Value.ToWireName()}");""",
        }, "state RUNNING"),
        ("ConfigOnly", new()
        {
            ["schemas/config/shape.schema.json"] = ConfigSchema,
            ["Program.cs"] = $$"""
                using Microsoft.Extensions.Configuration;

                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["pipelines:pipeline_uuid"] = "{{PipelineUuid}}",
                    ["shape:steps"] = "5",
                }).Build();
                ShapeReactorSettings settings = ShapeReactorSettingsBinder.Bind(configuration);
                Console.WriteLine($"steps {settings.Shape!.Steps} api {settings.Pipelines!.ApiServer}");
                """,
        }, "steps 5 api https://api.sd2e.org"),
        ("PayloadOnly", new()
        {
            ["schemas/events/payloads.schema.json"] = ConsumerCompileErrorTests.Payloads,
            ["Program.cs"] = CreateJob + """
                var stored = await job.UpdateAsync(new Progress { Percent = 40 });
                Console.WriteLine($"{stored.LastEvent.ToWireName()} {stored.History[^1].Data!.ToJsonString()}");
                """,
        }, """update {"percent":40}"""),
        ("MessageOnly", new()
        {
            ["message.jsonschema"] = MessageSchema,
            ["Program.cs"] = """
                var message = ShapeMessage.FromJson(System.Text.Json.Nodes.JsonNode.Parse("{\"sample\":\"world\"}"));
                Console.WriteLine($"sample {message.Sample}");
                """,
        }, "sample world"),
        ("ReferencesPayloadOnly", new()
        {
            // No PackageReference: the runtime comes through the referenced project, the payload types from it.
            ["Program.cs"] = "using PayloadOnly;\n" + CreateJob + """
                var stored = await job.UpdateAsync(new Progress { Percent = 60 });
                Console.WriteLine($"{stored.LastEvent.ToWireName()} {stored.History[^1].Data!.ToJsonString()}");
                """,
        }, """update {"percent":60}"""),
    ];

    [Fact]
    public void Each_shape_builds_with_zero_warnings_and_runs_its_generated_code_from_top_level_statements()
    {
        var root = Path.Combine(packed.Workspace, "shapes");
        foreach (var (name, files, _) in Shapes)
        {
            packed.Write(Path.Combine("shapes", name, name + ".csproj"),
                name == "ReferencesPayloadOnly" ? ConsumerProject.ReferencingProject("../PayloadOnly/PayloadOnly.csproj") : ConsumerProject.ReferencingCoreAndEmbeddedStore);
            foreach (var (path, text) in files)
            {
                packed.Write(Path.Combine("shapes", name, path), text);
            }
        }

        ConsumerProject.BuildWithoutWarnings(root, Shapes.Select(shape => shape.Name));

        foreach (var (name, _, prints) in Shapes)
        {
            var data = Directory.CreateDirectory(Path.Combine(root, name, ".data")).FullName;
            var run = ConsumerProject.Run(root, name, null, data);

            Assert.True(run.ExitCode == 0, name + ": " + run);
            Assert.Equal(prints, run.Stdout.Trim());
        }
    }
}
