using Microsoft.CodeAnalysis;
using PipelineSdk.Generator.Tests.TestKit;
using PipelineSdk.Identifiers;
using PipelineSdk.Python;
using PipelineSdk.Reliability.Tests.Support;
using PipelineSdk.Tests.Identifiers;
using Xunit.Abstractions;
using GeneratorSchema = PipelineSdk.Generator.Tests.TestKit.Schema;

namespace PipelineSdk.Reliability.Tests.BadInput;

/// <summary>
/// The source generator on randomly mutated schemas (the canonical event and config schemas and a user payload
/// schema), run through the CSharpGeneratorDriver as the compiler runs it: it reports diagnostics or generates code;
/// it never throws (CS8785 / a run-result exception) and never hangs. Internal errors (PSDK9001) are counted.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output) : SecretCheckedTest
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public void Mutated_schemas_give_diagnostics_or_code_never_a_crash()
    {
        GeneratorSchema[] inputs =
        [
            GeneratorSchema.Canonical("pipelinejob_eventname.schema.json", "Events"),
            GeneratorSchema.Canonical("pipelinejob_statename.schema.json", "Schema"),
            GeneratorSchema.Canonical("reactor_config.schema.json", "Config"),
            GeneratorSchema.Test("progress.schema.json", "Events"),
            GeneratorSchema.Test("shared.schema.json", "Schema"),
        ];
        var compilation = GeneratorHarness.CreateCompilation(Runtime.StandIn);
        int internalErrors = 0, withDiagnostics = 0, clean = 0;

        var cases = Fuzz.Run(nameof(Mutated_schemas_give_diagnostics_or_code_never_a_crash), 2500, CaseTimeout, (random, _) =>
        {
            var mutated = inputs.ToArray();
            var target = random.Next(mutated.Length);
            mutated[target] = mutated[target] with { Text = Mutations.Mutate(random, mutated[target].Text, 3) };

            var result = GeneratorHarness.CreateDriver(mutated).RunGenerators(compilation).GetRunResult();

            var crash = result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
            Assert.True(crash is null, $"the generator threw on {mutated[target].Path}: {crash}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "AD0001");
            if (result.Diagnostics.Any(d => d.Id == "PSDK9001"))
            {
                internalErrors++;
            }
            else if (result.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
            {
                withDiagnostics++;
            }
            else
            {
                clean++;
            }
        });

        output.WriteLine($"{cases} mutated runs: {withDiagnostics} with diagnostics, {clean} clean, {internalErrors} with PSDK9001 (internal error)");
        Assert.Equal(cases, withDiagnostics + clean + internalErrors);
        Assert.True(withDiagnostics > cases / 10, "the mutations should mostly break the schemas");
    }

    [Fact]
    public void Python_json_dumps_and_job_uuid_never_throw_on_random_json()
    {
        Fuzz.Run(nameof(Python_json_dumps_and_job_uuid_never_throw_on_random_json), 5000, TimeSpan.FromSeconds(5), (random, _) =>
        {
            var data = System.Text.Json.Nodes.JsonNode.Parse(RandomJson.Object(random, random.Next(0, 5)))!.AsObject();

            var dumped = PythonJson.Dumps(data);
            var uuid = JobUuid.Compute("106c46ff-8186-5756-a934-071f4497b58d", [], data);

            Assert.False(string.IsNullOrEmpty(dumped));
            Assert.Matches("^107[0-9a-f]{5}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", uuid);
        });
    }
}
