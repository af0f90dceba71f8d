using BenchmarkDotNet.Running;
using Wampy.Benchmarks;

if (args.Length > 0 && args[0] == "roundtrip")
{
    return await RoundTripBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SerializerBenchmarks).Assembly).Run(args);
return 0;
