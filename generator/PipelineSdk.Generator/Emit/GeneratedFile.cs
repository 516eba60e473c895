namespace PipelineSdk.Generator.Emit;

/// <summary>One emitted source file.</summary>
/// <param name="HintName">The unique hint name given to AddSource.</param>
/// <param name="Text">The C# text.</param>
internal sealed record GeneratedFile(string HintName, string Text);
