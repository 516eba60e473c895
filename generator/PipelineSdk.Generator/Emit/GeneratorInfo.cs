namespace PipelineSdk.Generator.Emit;

/// <summary>Facts written into every generated type.</summary>
internal static class GeneratorInfo
{
    public const string Name = "PipelineSdk.Generator";

    /// <summary>The generator's version (tests scrub it from snapshots).</summary>
    public static readonly string Version = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    public static string GeneratedCodeAttribute =>
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Name + "\", \"" + Version + "\")]";
}
