using System.Collections.Generic;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Emit;

internal static class PayloadEmitter
{
    public static IEnumerable<GeneratedFile> Emit(PayloadSetSpec spec) => new GeneratedFile[0];
}
