using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(LogTriage.Benchmarks.ParserAndMatcherBenchmarks).Assembly).Run(args);
