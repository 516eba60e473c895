using BenchmarkDotNet.Running;

// Lists the benchmarks, or runs those chosen with --filter (see docs/benchmarks.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
