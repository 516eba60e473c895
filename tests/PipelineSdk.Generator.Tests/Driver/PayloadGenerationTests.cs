using System.Reflection;
using PipelineSdk.Generator.Tests.TestKit;

namespace PipelineSdk.Generator.Tests.Driver;

/// <summary>User payload schemas: records, validation, JSON and typed event methods.</summary>
public sealed class PayloadGenerationTests
{
    private static Schema[] Inputs() =>
    [
        .. Schema.CanonicalEvents(),
        Schema.Test("progress.schema.json", "Events"),
        Schema.Test("other_progress.schema.json", "Events"),
        Schema.Test("shared.schema.json", "Schema"),
    ];

    private const string Calls = """
        using System.Threading.Tasks;
        using Consumer.Reactor;
        using PipelineSdk.Jobs;

        namespace Consumer;

        internal static class Calls
        {
            public static async Task<string> SendUpdate()
            {
                var job = new RecordingSender();
                var snapshot = await job.UpdateAsync(new UpdateData
                {
                    Percent = 40,
                    Message = "half",
                    Stage = UpdateDataStage.Compute,
                    Tags = ["a", "b"],
                    Files = [new UpdateDataFilesItem { Name = "x.txt", Size = 3 }],
                    Extra = 7,
                });
                return snapshot.LastEvent + " " + snapshot.Data!.ToJsonString();
            }

            public static string[] Problems() =>
                [.. new UpdateData
                {
                    Percent = 140,
                    Message = new string('m', 81),
                    Stage = (UpdateDataStage)42,
                    Tags = ["ok", "Bad1", "x", "y"],
                    Ratio = 1,
                    Files = [new UpdateDataFilesItem { Name = "", Size = -1 }, null!],
                    Extra = true,
                }.Validate()];

            public static async Task<string> SendInvalid()
            {
                try
                {
                    await new RecordingSender().FailAsync(new FailData { Reason = "", Code = null });
                    return "sent";
                }
                catch (PipelineSdk.Errors.PipelineJobValidationException e)
                {
                    return string.Join("|", e.Problems);
                }
            }

            public static async Task<string> SendAdmin()
            {
                var snapshot = await new RecordingSender().ResetAsync(new PipelineSdk.Tokens.AdminToken("t"), new ResetNote { Ticket = "OPS-12" });
                return snapshot.LastEvent + " " + snapshot.AdminToken!.Value + " " + snapshot.Data!.ToJsonString();
            }

            public static string CrossFile() =>
                new Consumer.Other.FinishData { Outputs = ["/a"] }.ToJsonObject().ToJsonString();
        }
        """;

    private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.Run(Inputs(), Runtime.StandIn, Calls));

    [Fact]
    public void Generated_code_compiles_without_any_warning()
    {
        var run = Generated.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        Assert.Contains("PipelineSdk.Payloads.Progress.g.cs", run.HintNames);
        Assert.Contains("PipelineSdk.Payloads.OtherProgress.g.cs", run.HintNames);
    }

    [Fact]
    public async Task Typed_update_sends_the_payload_as_json()
    {
        var result = await Invoke<string>("SendUpdate");

        Assert.Equal(
            """Update {"percent":40,"message":"half","stage":"compute","tags":["a","b"],"files":[{"name":"x.txt","size":3}],"extra":7}""",
            result);
    }

    [Fact]
    public async Task Validate_reports_every_violation_with_its_json_pointer()
    {
        var problems = await Invoke<string[]>("Problems");

        Assert.Equal(
            [
                "/percent must be at most 100",
                "/message must be at most 80 character(s) long",
                "/stage must be one of download, compute, upload",
                "/tags must have at most 3 item(s)",
                "/tags/1 must match the pattern ^[a-z]+$",
                "/ratio must be less than 1",
                "/files/0/name must be at least 1 character(s) long",
                "/files/0/size must be at least 0",
                "/files/1 is required",
                "/extra must be of type string or integer",
            ],
            problems);
    }

    [Fact]
    public async Task Invalid_payload_throws_before_anything_is_sent()
    {
        Assert.Equal("/reason must be at least 1 character(s) long", await Invoke<string>("SendInvalid"));
    }

    [Fact]
    public async Task Admin_payload_method_takes_the_admin_token()
    {
        Assert.Equal("""Reset t {"ticket":"OPS-12"}""", await Invoke<string>("SendAdmin"));
    }

    [Fact]
    public async Task Payload_from_a_sibling_file_ref_is_generated_in_its_namespace()
    {
        Assert.Equal("""{"outputs":["/a"]}""", await Invoke<string>("CrossFile"));
    }

    [Fact]
    public void Nullability_follows_required_and_null_types()
    {
        var source = Generated.Value.Source("PipelineSdk.Payloads.Progress.g.cs");

        Assert.Contains("public required long Percent { get; init; }", source);
        Assert.Contains("public string? Message { get; init; }", source);
        Assert.Contains("public required string Reason { get; init; }", source);
        Assert.Contains("public required long? Code { get; init; }", source);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string>? Tags { get; init; }", source);
    }

    [Theory]
    [InlineData("await job.UpdateAsync(new FailData { Reason = \"r\", Code = 1 });", "CS1503")]
    [InlineData("await job.UpdateAsync(new UpdateData { Message = \"no percent\" });", "CS9035")]
    [InlineData("await job.ResetAsync(new ResetNote { Ticket = \"OPS-1\" });", "CS1503")]
    public void Wrong_payloads_do_not_compile(string call, string expectedError)
    {
        Assert.Contains(GeneratorHarness.CompileCall(Inputs(), call), d => d.Id == expectedError);
    }

    [Theory]
    [InlineData("PipelineSdk.Payloads.Progress.g.cs")]
    [InlineData("PipelineSdk.Payloads.OtherProgress.g.cs")]
    [InlineData("PipelineSdk.Payloads.Progress.Extensions.g.cs")]
    [InlineData("PipelineSdk.Payloads.OtherProgress.Extensions.g.cs")]
    public void Generated_source_matches_its_snapshot(string hintName) =>
        Snapshot.Match(hintName, Generated.Value.Source(hintName));

    private static async Task<T> Invoke<T>(string method)
    {
        var result = Generated.Value.Load().GetType("Consumer.Calls")!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
        return result is Task<T> task ? await task : (T)result!;
    }
}
