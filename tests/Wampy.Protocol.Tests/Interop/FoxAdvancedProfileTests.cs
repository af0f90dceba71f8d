using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Tests.Interop;

/// <summary>
/// The Advanced Profile features fox-wamp implements (progressive call results), and what must hold with a router
/// that ignores CANCEL (fox-wamp forwards a late YIELD): the client-side timeout, and late results dropped.
/// </summary>
public sealed class FoxAdvancedProfileTests(AutobahnFixture fixture) : IClassFixture<AutobahnFixture>
{
    [Fact]
    public async Task Progressive_results_from_an_autobahn_callee_through_fox_wamp()
    {
        await fixture.Peer.RegisterAsync("js.progress", "progress", options: null);

        var items = new List<(bool, int)>();
        await foreach (var result in fixture.Client.StreamAsync("js.progress", [3]).WithCancellation(new CancellationTokenSource(TaskTimeouts.Default).Token))
        {
            items.Add((result.IsProgress, result.Arguments.Get<int>(0)));
        }

        Assert.Equal([(true, 0), (true, 1), (true, 2), (false, 3)], items);
    }

    [Fact]
    public async Task An_autobahn_caller_receives_our_progress_through_fox_wamp()
    {
        await using var registration = await fixture.Client.RegisterAsync("wampy.progress", (invocation, _) =>
        {
            invocation.ReportProgress(WampResult.FromValue("half"));
            return ValueTask.FromResult(WampResult.FromValue("all"));
        });

        var reply = await fixture.Peer.CallAsync("wampy.progress", options: new JsonObject { ["receive_progress"] = true });

        Assert.Equal("""[["half"]]""", reply["progress"]!.ToJsonString());
        Assert.Equal("""["all"]""", reply["args"]!.ToJsonString());
    }

    [Fact]
    public async Task A_late_result_after_a_client_timeout_never_reaches_another_call()
    {
        await fixture.Peer.RegisterAsync("js.slow", "slow", options: null, new JsonObject { ["delayMs"] = 400 });

        await Assert.ThrowsAsync<WampTimeoutException>(() =>
            fixture.Client.CallAsync("js.slow", ["first"], options: new CallOptions { Timeout = TimeSpan.FromMilliseconds(100) }));
        // fox-wamp ignores the CANCEL: the first call's RESULT arrives while this one waits, and is dropped.
        var second = await fixture.Client.CallAsync<string>("js.slow", ["second"], options: new CallOptions { Timeout = TimeSpan.FromSeconds(5) });

        Assert.Equal("second", second);
    }
}
