using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wampy.TestPeers;

namespace Wampy.Benchmarks;

/// <summary>
/// A load tool, not a BenchmarkDotNet job: a caller and a callee exchange calls through a real router with N
/// calls in flight, and the same workload is driven by Autobahn|JS in the same run. Routers: fox-wamp (Node.js)
/// and Wampy.Router, each in its own process so that client and router CPU are measured apart.
/// It first measures the floor (a raw WebSocket echo in process) and reports client bytes allocated per call.
/// Usage: dotnet run -c Release --project benchmarks/Wampy.Benchmarks -- roundtrip [--router fox,wampy] [--inflight 1,64] [--seconds 10] [--warmup 3] [--no-autobahn] [--no-floor] (skips the echo floor, for profiling) [--router-env NAME=VALUE,...] (Wampy.Router's process only)
/// [--dedicated-receive-thread] (WampClientOptions.DedicatedReceiveThread for the Wampy clients)
/// [--profile-allocations] (prints the types allocated per call, sampled) [--trace] (an ActivityListener records every Wampy span, as an OpenTelemetry SDK would) [--no-propagation] (no trace context on the wire).
/// </summary>
internal static class RoundTripBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var inflights = Option(args, "--inflight", "1,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var routers = Option(args, "--router", "fox,wampy").Split(',');
        var seconds = double.Parse(Option(args, "--seconds", "10"), CultureInfo.InvariantCulture);
        var warmup = double.Parse(Option(args, "--warmup", "3"), CultureInfo.InvariantCulture);
        var withAutobahn = !args.Contains("--no-autobahn");
        var routerEnvironment = RouterEnvironment(args);
        s_propagate = !args.Contains("--no-propagation");
        s_profileAllocations = args.Contains("--profile-allocations");
        s_dedicatedReceiveThread = args.Contains("--dedicated-receive-thread");
        using var tracing = args.Contains("--trace") ? TraceEverything() : null;
        if (tracing is not null)
        {
            Console.WriteLine($"Tracing every Wampy span; trace context on the wire: {s_propagate}.");
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores; warm-up {warmup} s, measured {seconds} s per run; latencies in µs.{(s_dedicatedReceiveThread ? " Wampy clients: DedicatedReceiveThread." : "")}");
        Console.WriteLine();
        var floor = args.Contains("--no-floor") ? default : await EchoFloor.MeasureAsync(warmup, seconds);
        if (floor.P50 > 0)
        {
            Console.WriteLine($"Floor: raw WebSocket echo (ClientWebSocket <-> Kestrel, in process, 1 in flight): {floor.PerSecond:0} round trips/s, p50 {floor.P50:0} µs, p99 {floor.P99:0} µs.");
            Console.WriteLine();
        }

        Console.WriteLine("| router | client | in flight | calls/s | p50 µs | p90 µs | p99 µs | client CPU µs/call | router CPU µs/call | client bytes allocated/call |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var routerName in routers)
        {
            await using var router = await BenchRouter.StartAsync(routerName, routerEnvironment);
            foreach (var inflight in inflights)
            {
                var wampy = await RunWampyAsync(router, inflight, warmup, seconds);
                Print(router.Name, "Wampy", inflight, wampy);
                if (inflight == 1 && floor.P50 > 0)
                {
                    Console.WriteLine($"| {router.Name} | ratio Wampy/echo floor | 1 | | {wampy.P50 / floor.P50:0.00}x | | | | | |");
                }

                if (withAutobahn)
                {
                    var autobahn = await RunAutobahnAsync(router, inflight, warmup, seconds);
                    Print(router.Name, "Autobahn|JS", inflight, autobahn);
                    Console.WriteLine(
                        $"| {router.Name} | ratio Wampy/Autobahn | {inflight} | {wampy.CallsPerSecond / autobahn.CallsPerSecond:0.00}x | " +
                        $"{wampy.P50 / autobahn.P50:0.00}x | | {wampy.P99 / autobahn.P99:0.00}x | {wampy.CpuMicrosPerCall / autobahn.CpuMicrosPerCall:0.00}x | | |");
                }
            }
        }

        return 0;
    }

    private static bool s_propagate = true;
    private static bool s_profileAllocations;
    private static bool s_dedicatedReceiveThread;

    /// <summary>Records every span of the Wampy sources, the work an OpenTelemetry SDK with an always-on sampler does.</summary>
    private static System.Diagnostics.ActivityListener TraceEverything()
    {
        var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Wampy", StringComparison.Ordinal),
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static async Task<Measurement> RunWampyAsync(BenchRouter router, int inflight, double warmup, double seconds)
    {
        await using var callee = new WampClient(new WampClientOptions { Url = router.Url, Realm = "bench", PropagateTraceContext = s_propagate, DedicatedReceiveThread = s_dedicatedReceiveThread });
        await using var caller = new WampClient(new WampClientOptions { Url = router.Url, Realm = "bench", PropagateTraceContext = s_propagate, DedicatedReceiveThread = s_dedicatedReceiveThread });
        await callee.ConnectAsync();
        await caller.ConnectAsync();
        var procedure = $"bench.echo.{Guid.NewGuid():N}";
        await callee.RegisterAsync(procedure, static (inv, _) => ValueTask.FromResult(new WampResult(inv.Arguments)));

        var measuring = false;
        var stop = false;
        var latencies = new LatencyHistogram();
        using var process = Process.GetCurrentProcess();
        async Task Worker(int index)
        {
            object?[] arguments = [index, "hello"];
            while (!Volatile.Read(ref stop))
            {
                var start = Stopwatch.GetTimestamp();
                await caller.CallAsync(procedure, arguments).ConfigureAwait(false);
                if (Volatile.Read(ref measuring))
                {
                    latencies.Record(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }
        }

        var workers = Enumerable.Range(0, inflight).Select(i => Task.Run(() => Worker(i))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var routerCpuStart = router.Cpu();
        using var sampler = s_profileAllocations ? new AllocationSampler() : null;
        sampler?.Start();
        var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
        sampler?.Stop();
        if (sampler is not null)
        {
            Console.WriteLine($"Allocations sampled ({inflight} in flight), bytes per call by type:");
            foreach (var (type, bytes) in sampler.Top(15))
            {
                Console.WriteLine($"  {(double)bytes / latencies.Count,8:0.0}  {type}");
            }
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var routerCpu = router.Cpu() - routerCpuStart;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        // Caller and callee are both in this process: the bytes are the whole client side of a call, both ends.
        var calls = latencies.Count;
        return new Measurement(
            calls / clock.Elapsed.TotalSeconds,
            latencies.Percentile(0.50),
            latencies.Percentile(0.90),
            latencies.Percentile(0.99),
            cpu.TotalMicroseconds / calls,
            routerCpu.TotalMicroseconds / calls,
            (double)allocated / calls);
    }

    private static async Task<Measurement> RunAutobahnAsync(BenchRouter router, int inflight, double warmup, double seconds)
    {
        var (root, routerCpu) = await NodeBench.RunAsync(
            router, "bench-autobahn.js", warmup, seconds, router.Url.ToString(), inflight.ToString(CultureInfo.InvariantCulture),
            warmup.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture));
        var callsPerSecond = root.GetProperty("callsPerSecond").GetDouble();
        return new Measurement(
            callsPerSecond,
            root.GetProperty("p50").GetDouble(),
            root.GetProperty("p90").GetDouble(),
            root.GetProperty("p99").GetDouble(),
            root.GetProperty("cpuMicrosPerCall").GetDouble(),
            routerCpu.TotalMicroseconds / (callsPerSecond * seconds),
            double.NaN);
    }

    private static void Print(string router, string client, int inflight, Measurement m) =>
        Console.WriteLine(
            $"| {router} | {client} | {inflight} | {m.CallsPerSecond:0} | {m.P50:0} | {m.P90:0} | {m.P99:0} | {m.CpuMicrosPerCall:0.0} | {m.RouterCpuMicrosPerCall:0.0} | {(double.IsNaN(m.BytesPerCall) ? "" : m.BytesPerCall.ToString("0", CultureInfo.InvariantCulture))} |");

    /// <summary>
    /// <c>--router-env NAME=VALUE,...</c>: variables for Wampy.Router's process only, which otherwise inherits this
    /// one's (e.g. <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0</c> while the clients run with it on).
    /// </summary>
    internal static Dictionary<string, string> RouterEnvironment(string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Option(args, "--router-env", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--router-env takes NAME=VALUE pairs separated by commas; got '{pair}'.");
            }

            environment[pair[..equals]] = pair[(equals + 1)..];
        }

        return environment;
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private sealed record Measurement(double CallsPerSecond, double P50, double P90, double P99, double CpuMicrosPerCall, double RouterCpuMicrosPerCall, double BytesPerCall);
}
