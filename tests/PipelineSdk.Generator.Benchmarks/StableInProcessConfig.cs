using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PipelineSdk.Generator.Benchmarks;

/// <summary>
/// In-process (no boilerplate project is built under tests/, whose Directory.Build.props would make it a test project)
/// with enough warm-ups and iterations, and a ratio of medians, that one noisy iteration on the shared machine does not
/// decide the verdict: 1 launch, 10 warm-ups, 40 iterations of about 0.5 s each per benchmark.
/// </summary>
public sealed class StableInProcessConfig : ManualConfig
{
    /// <summary>The default columns and exporters, the median and its ratio, and one in-process job.</summary>
    public StableInProcessConfig()
    {
        Add(DefaultConfig.Instance);
        AddColumn(StatisticColumn.Median, new MedianRatioColumn());
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(10)
            .WithIterationCount(40)
            .WithId("Stable"));
    }
}
