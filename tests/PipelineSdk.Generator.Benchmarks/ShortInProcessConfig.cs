using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PipelineSdk.Generator.Benchmarks;

/// <summary>
/// ShortRun (1 launch, 3 warm-ups, 3 iterations) in-process: the whole run stays within minutes on a shared 2-core
/// machine, and no boilerplate project is built under tests/ (whose Directory.Build.props would make it a test project).
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    /// <summary>The default columns and exporters with one short in-process job.</summary>
    public ShortInProcessConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
