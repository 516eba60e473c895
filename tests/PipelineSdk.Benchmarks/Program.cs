using BenchmarkDotNet.Running;
using PipelineSdk.Benchmarks.Load;

// `load` runs the endpoint load benchmark; anything else lists the BenchmarkDotNet benchmarks or runs those chosen
// with --filter (see docs/benchmarks.md).
if (args is ["load", .. var rest])
{
    await EndpointLoadRun.RunAsync(rest);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
