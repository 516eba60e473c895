using BenchmarkDotNet.Running;
using PipelineSdk.Generator.Benchmarks;

// `dotnet run -c Release --project tests/PipelineSdk.Generator.Benchmarks -- --filter '*'`
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args, new StableInProcessConfig());
