using System.Threading;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

internal static class PayloadParser
{
    public const string Extension = "x-pipelinejob-payloads";

    public static PayloadSetSpec? Parse(SchemaLibrary library, string path, GeneratorOptions options, DiagnosticCollector diagnostics, CancellationToken cancellationToken) => null;
}
