using System.Threading;
using PipelineSdk.Generator.Diagnostics;
using PipelineSdk.Generator.Model;
using PipelineSdk.Generator.Schemas;

namespace PipelineSdk.Generator.Parsing;

internal static class ConfigParser
{
    public static ConfigSpec? Parse(SchemaLibrary library, string path, GeneratorOptions options, DiagnosticCollector diagnostics, CancellationToken cancellationToken) => null;
}
