using Microsoft.CodeAnalysis;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Diagnostics;

/// <summary>One test per diagnostic id: id, severity, file and (zero-based) line, and that nothing else is reported.</summary>
public sealed class DiagnosticTests
{
    private const string Folder = "/project/schemas/events/";

    private static Schema Events(string name, string text) => new(Folder + name, "Events", text);

    private static Diagnostic Single(params Schema[] schemas)
    {
        var run = GeneratorHarness.Run([.. Schema.CanonicalReferences(), .. schemas]);
        return Assert.Single(run.GeneratorDiagnostics);
    }

    private static void AssertAt(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string file, int line)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Folder + file, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line);
    }

    [Fact]
    public void PSDK1001_no_inputs_is_info()
    {
        var diagnostic = Assert.Single(GeneratorHarness.Run([.. Schema.CanonicalReferences()]).GeneratorDiagnostics);

        Assert.Equal("PSDK1001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("Events, Config or Message", diagnostic.GetMessage());
        Assert.Contains("Schema", diagnostic.GetMessage());
    }

    [Fact]
    public void PSDK1002_malformed_json_points_at_the_bad_token()
    {
        var diagnostic = Single(Events("bad.schema.json", """
            {
              "title": "x",
              "type": ,
              "x-pipelinejob-payloads": {}
            }
            """));

        AssertAt(diagnostic, "PSDK1002", DiagnosticSeverity.Error, "bad.schema.json", 2);
    }

    [Fact]
    public void PSDK1003_unknown_kind()
    {
        var diagnostic = Single(new Schema(Folder + "odd.schema.json", "Bogus", "{}"));

        AssertAt(diagnostic, "PSDK1003", DiagnosticSeverity.Warning, "odd.schema.json", 0);
        Assert.Contains("'Bogus' is not one of Events, Config, Message or Schema", diagnostic.GetMessage());
    }

    [Fact]
    public void PSDK1004_events_file_without_fsm_or_payloads()
    {
        AssertAt(Single(Events("empty.schema.json", """{ "title": "Nothing" }""")), "PSDK1004", DiagnosticSeverity.Warning, "empty.schema.json", 0);
    }

    [Fact]
    public void PSDK1101_unsupported_keyword_is_a_warning_naming_it()
    {
        var diagnostic = Single(Events("p.schema.json", """
            {
              "x-pipelinejob-payloads": {
                "update": {
                  "type": "object",
                  "properties": {
                    "value": {
                      "type": "string",
                      "oneOf": [{ "maxLength": 2 }]
                    }
                  }
                }
              }
            }
            """));

        AssertAt(diagnostic, "PSDK1101", DiagnosticSeverity.Warning, "p.schema.json", 7);
        Assert.Contains("'oneOf'", diagnostic.GetMessage());
        Assert.Contains("/x-pipelinejob-payloads/update/properties/value/oneOf", diagnostic.GetMessage());
    }

    [Fact]
    public void PSDK1102_unresolvable_ref_points_at_the_ref()
    {
        var diagnostic = Single(Events("p.schema.json", """
            {
              "x-pipelinejob-payloads": {
                "update": {
                  "$ref": "missing.schema.json#/definitions/X"
                }
              }
            }
            """));

        AssertAt(diagnostic, "PSDK1102", DiagnosticSeverity.Error, "p.schema.json", 3);
    }

    [Fact]
    public void PSDK1103_contradictory_bounds()
    {
        var diagnostic = Single(Events("p.schema.json", """
            {
              "x-pipelinejob-payloads": {
                "update": {
                  "type": "object",
                  "properties": {
                    "percent": { "type": "integer",
                      "minimum": 10, "maximum": 5 }
                  }
                }
              }
            }
            """));

        AssertAt(diagnostic, "PSDK1103", DiagnosticSeverity.Warning, "p.schema.json", 6);
    }

    [Fact]
    public void PSDK1104_transition_from_an_unknown_state()
    {
        var diagnostic = Single(Events("fsm.schema.json", """
            {
              "type": "string",
              "enum": ["go"],
              "x-pipelinejob-fsm": {
                "states": { "enum": ["IDLE", "BUSY"] },
                "initial": "IDLE",
                "transitions": {
                  "go": {
                    "from": ["NAPPING"],
                    "to": "BUSY", "access": "client" }
                }
              }
            }
            """));

        AssertAt(diagnostic, "PSDK1104", DiagnosticSeverity.Error, "fsm.schema.json", 8);
        Assert.Contains("'NAPPING' is not a state", diagnostic.GetMessage());
    }

    [Fact]
    public void PSDK1105_payload_for_an_unknown_event()
    {
        var diagnostic = Single(Events("p.schema.json", """
            {
              "x-pipelinejob-payloads": {
                "launch": { "type": "object" }
              }
            }
            """));

        AssertAt(diagnostic, "PSDK1105", DiagnosticSeverity.Error, "p.schema.json", 2);
        Assert.Contains("'launch'", diagnostic.GetMessage());
    }

    [Fact]
    public void PSDK1201_config_root_must_be_an_object()
    {
        var diagnostic = Single(new Schema(Folder + "c.schema.json", "Config", """{ "title": "C", "type": "string" }"""));

        AssertAt(diagnostic, "PSDK1201", DiagnosticSeverity.Error, "c.schema.json", 0);
    }

    [Fact]
    public void PSDK1202_message_root_must_be_an_object()
    {
        var diagnostic = Single(new Schema(Folder + "message.jsonschema", "Message", """{ "title": "M", "type": "string" }"""));

        AssertAt(diagnostic, "PSDK1202", DiagnosticSeverity.Error, "message.jsonschema", 0);
    }

    [Fact]
    public void PSDK1301_two_names_become_one_identifier()
    {
        var diagnostic = Single(Events("p.schema.json", """
            {
              "x-pipelinejob-payloads": {
                "update": {
                  "type": "object",
                  "properties": {
                    "job_id": { "type": "string" },
                    "job-id": { "type": "string" }
                  }
                }
              }
            }
            """));

        AssertAt(diagnostic, "PSDK1301", DiagnosticSeverity.Error, "p.schema.json", 6);
        Assert.Contains("'JobId'", diagnostic.GetMessage());
    }

    [Fact]
    public void PSDK1302_name_colliding_with_a_generated_member_is_renamed()
    {
        var run = GeneratorHarness.Run([.. Schema.CanonicalEvents(), Events("p.schema.json", """
            {
              "x-pipelinejob-payloads": {
                "update": {
                  "type": "object",
                  "properties": {
                    "validate": { "type": "boolean" },
                    "class": { "type": "string" }
                  }
                }
              }
            }
            """)]);

        AssertAt(Assert.Single(run.GeneratorDiagnostics), "PSDK1302", DiagnosticSeverity.Warning, "p.schema.json", 5);
        Assert.Empty(run.CompileProblems);
        Assert.Contains("public bool? ValidateValue { get; init; }", run.Source("PipelineSdk.Payloads.P.g.cs"));
    }

    [Fact]
    public void PSDK1303_two_files_generating_one_type()
    {
        const string Payload = """{ "x-pipelinejob-payloads": { "update": { "title": "UpdateData", "type": "object" } } }""";

        var diagnostic = Single(Events("a.schema.json", Payload), Events("b.schema.json", Payload));

        AssertAt(diagnostic, "PSDK1303", DiagnosticSeverity.Error, "b.schema.json", 0);
        Assert.Contains("a.schema.json", diagnostic.GetMessage());
    }

    [Fact]
    public void PSDK1106_circular_ref_between_files_names_each_file_and_pointer_and_other_files_still_generate()
    {
        var run = GeneratorHarness.Run(
        [
            .. Schema.CanonicalEvents(),
            Events("a.schema.json", """
                { "x-pipelinejob-payloads": { "update": { "$ref": "b.schema.json#/definitions/B" } },
                  "definitions": { "A": { "type": "object" } } }
                """),
            new Schema(Folder + "b.schema.json", "Schema", """
                { "definitions": { "B": { "type": "object", "properties": { "a": { "$ref": "a.schema.json#/definitions/A" } } } } }
                """),
            Schema.Test("progress.schema.json", "Events"),
        ]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertAt(diagnostic, "PSDK1106", DiagnosticSeverity.Error, "a.schema.json", 0);
        Assert.Contains(
            "a.schema.json#/x-pipelinejob-payloads/update/$ref (\"b.schema.json#/definitions/B\") → b.schema.json#/definitions/B/properties/a/$ref (\"a.schema.json#/definitions/A\") → a.schema.json",
            diagnostic.GetMessage());
        Assert.Contains("PipelineSdk.Payloads.Progress.g.cs", run.HintNames);
        Assert.Contains("PipelineSdk.JobTransitions.g.cs", run.HintNames);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void PSDK9001_internal_error_is_reported_for_its_file_only_and_other_files_still_generate()
    {
        // "properties" as an array makes NJsonSchema's reader throw: the failure must stay inside that file.
        var run = GeneratorHarness.Run(
        [
            .. Schema.CanonicalEvents(),
            Events("a.schema.json", """
                { "x-pipelinejob-payloads": { "update": { "type": "object", "properties": ["x"] } } }
                """),
            Schema.Test("progress.schema.json", "Events"),
        ]);

        AssertAt(Assert.Single(run.GeneratorDiagnostics), "PSDK9001", DiagnosticSeverity.Error, "a.schema.json", 0);
        Assert.Contains("PipelineSdk.Payloads.Progress.g.cs", run.HintNames);
        Assert.Contains("PipelineSdk.JobTransitions.g.cs", run.HintNames);
        Assert.Empty(run.CompileProblems);
    }
}
