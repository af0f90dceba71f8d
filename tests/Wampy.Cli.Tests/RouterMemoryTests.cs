using System.Net.WebSockets;
using System.Text;
using Wampy.TestPeers;

namespace Wampy.Cli.Tests;

/// <summary>
/// The router in a process of its own (`wampy router`), its resident memory read from /proc: a subscriber that never
/// reads cannot make it grow without bound, and after the router cuts that subscriber the memory goes back near
/// where it started. Bounded: 3,000 events of 64 KiB at most, each wait bounded.
/// </summary>
public sealed class RouterMemoryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS line.");
    }

    [Fact]
    public async Task A_subscriber_that_never_reads_cannot_grow_the_router_and_the_memory_comes_back()
    {
        var port = FoxRouter.FreePort();
        await using var router = CliProcess.Start("router", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await router.WaitForStdoutAsync("wampy: router listening on");
        var url = new Uri($"ws://127.0.0.1:{port}/ws");
        await using var publisher = new WampClient(new WampClientOptions { Url = url, Realm = "realm1" });
        await publisher.ConnectAsync().Within();
        await publisher.PublishAsync("com.warmup", ["x"], options: new PublishOptions { Acknowledge = true }).Within();
        var baseline = ResidentBytes(router.ProcessId);

        // The attacker: joins, subscribes, and then never reads a byte.
        using var stalled = new ClientWebSocket();
        stalled.Options.AddSubProtocol("wamp.2.json");
        await stalled.ConnectAsync(url, CancellationToken.None).Within();
        await stalled.SendAsync(Encoding.UTF8.GetBytes("""[1,"realm1",{"roles":{"subscriber":{}}}]"""), WebSocketMessageType.Text, true, CancellationToken.None).Within();
        await stalled.SendAsync(Encoding.UTF8.GetBytes("""[32,1,{},"com.flood"]"""), WebSocketMessageType.Text, true, CancellationToken.None).Within();
        var buffer = new byte[4096];
        for (var frames = 0; frames < 2; frames++)
        {
            await stalled.ReceiveAsync(buffer, CancellationToken.None).Within(); // WELCOME, SUBSCRIBED
        }

        var payload = new string('x', 64 * 1024);
        var peak = baseline;
        for (var i = 0; i < 3000; i++)
        {
            await publisher.PublishAsync("com.flood", [payload], options: new PublishOptions { Acknowledge = true }).Within();
            if (i % 100 == 0)
            {
                peak = Math.Max(peak, ResidentBytes(router.ProcessId));
            }
        }

        // 3,000 × 64 KiB = 192 MiB went to a subscriber that read none of it.
        Assert.InRange(peak - baseline, 0, 120L * 1024 * 1024);

        long after;
        using (var timeout = new CancellationTokenSource(TaskTimeouts.Default))
        {
            while ((after = ResidentBytes(router.ProcessId)) - baseline > 40L * 1024 * 1024)
            {
                await Task.Delay(100, timeout.Token); // the router gives the memory back after the cut; bounded
            }
        }

        output.WriteLine($"router RSS: baseline {baseline / 1048576} MiB, peak {peak / 1048576} MiB, after the cut {after / 1048576} MiB");
        Assert.InRange(after - baseline, long.MinValue, 40L * 1024 * 1024);
        Assert.NotNull(await publisher.PublishAsync("com.flood", ["still up"], options: new PublishOptions { Acknowledge = true }).Within());
        Assert.Equal(0, await router.InterruptAsync());
    }
}
