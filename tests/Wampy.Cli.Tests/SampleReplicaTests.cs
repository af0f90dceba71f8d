using Wampy.TestPeers;

namespace Wampy.Cli.Tests;

/// <summary>
/// The user's scenario: copies of the sample worker (a deployment with replicas) against one `wampy router`. Every
/// copy starts and serves; killing one leaves the others serving; a restarted copy rejoins the rotation.
/// </summary>
public sealed class SampleReplicaTests
{
    private static CliProcess StartReplica(int port) => CliProcess.StartSample(new Dictionary<string, string>
    {
        ["WampyRouter__Enabled"] = "false",
        ["Wampy__Url"] = $"ws://127.0.0.1:{port}/ws",
        ["DemoJob__Period"] = "00:00:01",
        ["Wampy__Reconnect__InitialDelay"] = "00:00:00.100",
        ["Logging__Console__FormatterName"] = "simple",
    });

    private static async Task<long[]> CalleesAsync(WampClient observer)
    {
        var registration = await observer.Meta().LookupRegistrationAsync("get_binary_number").Within();
        return registration is { } id ? await observer.Meta().ListCalleesAsync(id).Within() : [];
    }

    [Fact]
    public async Task Three_copies_of_the_sample_all_serve_and_a_killed_one_leaves_the_others_serving()
    {
        var port = FoxRouter.FreePort();
        await using var router = CliProcess.Start("router", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await router.WaitForStdoutAsync("router listening on");
        var replicas = new List<CliProcess> { StartReplica(port), StartReplica(port), StartReplica(port) };
        try
        {
            foreach (var replica in replicas)
            {
                await replica.WaitForStdoutAsync("bound 2 procedure(s) and 1 topic(s)");
                await replica.WaitForStdoutAsync("Round 1: get_binary_number(100) = 0b1100100");
            }

            await using var observer = new WampClient(new WampClientOptions { Url = new Uri($"ws://127.0.0.1:{port}/ws"), Realm = "realm1" });
            await observer.ConnectAsync().Within();
            Assert.Equal(3, (await CalleesAsync(observer)).Length);
            for (var i = 0; i < 30; i++)
            {
                Assert.Equal("0b1100100", await observer.CallAsync<string>("get_binary_number", [100]).Within());
            }

            await replicas[0].KillAsync();
            await replicas[0].DisposeAsync();
            replicas.RemoveAt(0);
            var failures = 0;
            for (var i = 0; i < 30; i++)
            {
                try
                {
                    Assert.Equal("0b1100100", await observer.CallAsync<string>("get_binary_number", [100]).Within());
                }
                catch (WampException)
                {
                    failures++; // at most a call routed to the killed copy before the router noticed
                }
            }

            Assert.InRange(failures, 0, 1);
            Assert.Equal(2, (await CalleesAsync(observer)).Length);

            replicas.Add(StartReplica(port));
            await replicas[^1].WaitForStdoutAsync("bound 2 procedure(s) and 1 topic(s)");
            Assert.Equal(3, (await CalleesAsync(observer)).Length);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }
}
