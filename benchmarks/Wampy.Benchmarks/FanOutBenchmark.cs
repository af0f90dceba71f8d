using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wampy.TestPeers;

namespace Wampy.Benchmarks;

/// <summary>
/// The fan-out load: one publisher and N subscriber sessions through a real router (fox-wamp or Wampy.Router, in a
/// process of its own), with Wampy clients and with Autobahn|JS clients in the same run. The publisher sends a batch
/// of W small events, waits until every subscriber has every one, then sends the next: delivered events/s, publish
/// to deliver latency, and the clients' CPU per delivered event (publisher included, for both).
/// Usage: dotnet run -c Release --project benchmarks/Wampy.Benchmarks -- fanout [--router fox,wampy] [--subscribers 100] [--window 10] [--seconds 10] [--warmup 3] [--no-autobahn] [--router-env NAME=VALUE,...] [--dedicated-receive-thread]
/// </summary>
internal static class FanOutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var routers = RoundTripBenchmark.Option(args, "--router", "fox,wampy").Split(',');
        var subscribers = int.Parse(RoundTripBenchmark.Option(args, "--subscribers", "100"), CultureInfo.InvariantCulture);
        var window = int.Parse(RoundTripBenchmark.Option(args, "--window", "10"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(RoundTripBenchmark.Option(args, "--seconds", "10"), CultureInfo.InvariantCulture);
        var warmup = double.Parse(RoundTripBenchmark.Option(args, "--warmup", "3"), CultureInfo.InvariantCulture);
        var withAutobahn = !args.Contains("--no-autobahn");
        var routerEnvironment = RoundTripBenchmark.RouterEnvironment(args);
        Console.WriteLine($"{Environment.ProcessorCount} cores; 1 publisher, {subscribers} subscribers, batches of {window} events; warm-up {warmup} s, measured {seconds} s; latencies in µs.");
        Console.WriteLine();
        Console.WriteLine("| router | clients | delivered events/s | p50 µs | p99 µs | client CPU µs/event | router CPU µs/event | lost |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var wampyByRouter = new Dictionary<string, Result>();
        foreach (var routerName in routers)
        {
            await using var router = await BenchRouter.StartAsync(routerName, routerEnvironment);
            var wampy = await RunWampyAsync(router, subscribers, window, warmup, seconds, args.Contains("--dedicated-receive-thread"));
            wampyByRouter[router.Name] = wampy;
            Print(router.Name, "Wampy", wampy);
            if (withAutobahn)
            {
                var autobahn = await RunAutobahnAsync(router, subscribers, window, warmup, seconds);
                Print(router.Name, "Autobahn|JS", autobahn);
                Console.WriteLine(
                    $"| {router.Name} | ratio Wampy/Autobahn | {wampy.EventsPerSecond / autobahn.EventsPerSecond:0.00}x | {wampy.P50 / autobahn.P50:0.00}x | " +
                    $"{wampy.P99 / autobahn.P99:0.00}x | {wampy.CpuMicrosPerEvent / autobahn.CpuMicrosPerEvent:0.00}x | | |");
            }
        }

        if (wampyByRouter.TryGetValue("Wampy.Router", out var ours) && wampyByRouter.TryGetValue("fox-wamp", out var fox))
        {
            Console.WriteLine($"| Wampy.Router / fox-wamp | Wampy | {ours.EventsPerSecond / fox.EventsPerSecond:0.00}x | | | | | |");
        }

        return 0;
    }

    private static async Task<Result> RunWampyAsync(BenchRouter router, int subscribers, int window, double warmup, double seconds, bool dedicated)
    {
        var topic = $"bench.fanout.{Guid.NewGuid():N}";
        var histogram = new LatencyHistogram();
        var measuring = false;
        var remaining = 0;
        TaskCompletionSource? batchDone = null;
        var clients = new List<WampClient>();
        try
        {
            for (var i = 0; i < subscribers; i++)
            {
                var subscriber = new WampClient(new WampClientOptions { Url = router.Url, Realm = "bench", DedicatedReceiveThread = dedicated });
                clients.Add(subscriber);
                await subscriber.ConnectAsync();
                await subscriber.SubscribeAsync(topic, (e, _) =>
                {
                    if (Volatile.Read(ref measuring))
                    {
                        histogram.Record(Stopwatch.GetElapsedTime(e.Arguments.Get<long>(0)).TotalMicroseconds);
                    }

                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        Volatile.Read(ref batchDone)?.TrySetResult();
                    }

                    return ValueTask.CompletedTask;
                });
            }

            var publisher = new WampClient(new WampClientOptions { Url = router.Url, Realm = "bench", DedicatedReceiveThread = dedicated });
            clients.Add(publisher);
            await publisher.ConnectAsync();
            var stop = false;
            var lost = 0L;
            async Task PublishAsync()
            {
                while (!Volatile.Read(ref stop))
                {
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Volatile.Write(ref batchDone, done);
                    Volatile.Write(ref remaining, window * subscribers);
                    for (var i = 0; i < window; i++)
                    {
                        await publisher.PublishAsync(topic, [Stopwatch.GetTimestamp(), "tick"]).ConfigureAwait(false);
                    }

                    try
                    {
                        await done.Task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        Interlocked.Add(ref lost, Volatile.Read(ref remaining));
                    }
                }
            }

            var running = Task.Run(PublishAsync);
            await Task.Delay(TimeSpan.FromSeconds(warmup));
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var routerCpuStart = router.Cpu();
            var clock = Stopwatch.StartNew();
            Volatile.Write(ref measuring, true);
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            Volatile.Write(ref measuring, false);
            clock.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuStart;
            var routerCpu = router.Cpu() - routerCpuStart;
            Volatile.Write(ref stop, true);
            await running;
            var delivered = histogram.Count;
            return new Result(delivered / clock.Elapsed.TotalSeconds, histogram.Percentile(0.5), histogram.Percentile(0.99),
                cpu.TotalMicroseconds / delivered, routerCpu.TotalMicroseconds / delivered, Interlocked.Read(ref lost));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<Result> RunAutobahnAsync(BenchRouter router, int subscribers, int window, double warmup, double seconds)
    {
        var (root, routerCpu) = await NodeBench.RunAsync(
            router, "bench-fanout.js", warmup, seconds, router.Url.ToString(), subscribers.ToString(CultureInfo.InvariantCulture),
            window.ToString(CultureInfo.InvariantCulture), warmup.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture));
        var eventsPerSecond = root.GetProperty("eventsPerSecond").GetDouble();
        return new Result(
            eventsPerSecond,
            root.GetProperty("p50").GetDouble(),
            root.GetProperty("p99").GetDouble(),
            root.GetProperty("cpuMicrosPerEvent").GetDouble(),
            routerCpu.TotalMicroseconds / (eventsPerSecond * seconds),
            root.GetProperty("lost").GetInt64());
    }

    private static void Print(string router, string clients, Result r) =>
        Console.WriteLine($"| {router} | {clients} | {r.EventsPerSecond:0} | {r.P50:0} | {r.P99:0} | {r.CpuMicrosPerEvent:0.0} | {r.RouterCpuMicrosPerEvent:0.0} | {r.Lost} |");

    private sealed record Result(double EventsPerSecond, double P50, double P99, double CpuMicrosPerEvent, double RouterCpuMicrosPerEvent, long Lost);
}
