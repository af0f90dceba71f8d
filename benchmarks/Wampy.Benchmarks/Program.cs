using BenchmarkDotNet.Running;
using Wampy.Benchmarks;
using Wampy.Router;

switch (args.FirstOrDefault())
{
    case "roundtrip":
        return await RoundTripBenchmark.RunAsync(args[1..]);
    case "fanout":
        return await FanOutBenchmark.RunAsync(args[1..]);
    case "router":
        // The round-trip benchmark runs Wampy.Router in a process of its own, like fox-wamp.
        await using (var router = await WampRouter.StartAsync(new WampRouterOptions
        {
            Port = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
            Realms = [new WampRealmOptions { Name = "bench" }],
        }))
        {
            Console.WriteLine(router.Url);
            await Task.Delay(Timeout.Infinite);
        }

        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SerializerBenchmarks).Assembly).Run(args);
        return 0;
}
