using System.Collections.Generic;
using PipelineSdk.Generator.Model;

namespace PipelineSdk.Generator.Emit;

internal static class ConfigEmitter
{
    public static IEnumerable<GeneratedFile> Emit(ConfigSpec spec) => new GeneratedFile[0];
}
