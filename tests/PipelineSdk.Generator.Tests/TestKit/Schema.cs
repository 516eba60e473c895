namespace PipelineSdk.Generator.Tests.TestKit;

/// <summary>An input file for a generator run: a path, its PipelineSdkKind, its text and its PipelineSdkSchemaId (if any).</summary>
public sealed record Schema(string Path, string Kind, string Text, string? Id = null)
{
    /// <summary>Folder of the canonical schemas copied next to the test assembly.</summary>
    public static string CanonicalFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "schemas");

    /// <summary>A canonical schema from the repository's schemas/ folder, read as it is (tests never copy it).</summary>
    public static Schema Canonical(string fileName, string kind) =>
        new("/project/schemas/" + fileName, kind, File.ReadAllText(System.IO.Path.Combine(CanonicalFolder, fileName)));

    /// <summary>A test schema from TestSchemas/.</summary>
    public static Schema Test(string fileName, string kind, string folder = "/project/schemas/events/") =>
        new(folder + fileName, kind, File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "TestSchemas", fileName)));

    /// <summary>The canonical event schema as the runtime compiles it (state machine) plus its state-name schema.</summary>
    public static Schema[] CanonicalEvents() =>
    [
        Canonical("pipelinejob_eventname.schema.json", "Events"),
        Canonical("pipelinejob_statename.schema.json", "Schema"),
    ];

    /// <summary>The canonical schemas as a user project sees them: $ref targets only.</summary>
    public static Schema[] CanonicalReferences() =>
    [
        Canonical("pipelinejob_eventname.schema.json", "Schema"),
        Canonical("pipelinejob_statename.schema.json", "Schema"),
        Canonical("reactor_config.schema.json", "Schema"),
    ];
}
