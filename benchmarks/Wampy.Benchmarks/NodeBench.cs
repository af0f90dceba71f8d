using System.Text.Json;
using Wampy.TestPeers;

namespace Wampy.Benchmarks;

/// <summary>Runs one of the Autobahn|JS load scripts (tests/router/bench-*.js) and reads its result and the router's CPU over its measured window.</summary>
internal static class NodeBench
{
    public static async Task<(JsonElement Result, TimeSpan RouterCpu)> RunAsync(BenchRouter router, string script, double warmup, double seconds, params string[] arguments)
    {
        await using var node = NodeProcess.Start(script, arguments);
        await node.WaitForLineAsync(static l => l == "MEASURE_START", TimeSpan.FromSeconds(warmup + 120));
        var routerCpuStart = router.Cpu();
        var line = await node.WaitForLineAsync(static l => l.StartsWith('{'), TimeSpan.FromSeconds(seconds + 60));
        var routerCpu = router.Cpu() - routerCpuStart;
        using var json = JsonDocument.Parse(line);
        return (json.RootElement.Clone(), routerCpu);
    }
}
