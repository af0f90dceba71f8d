using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>The router going away under the client: each test owns its router process.</summary>
public class RouterFailureTests
{
    [Fact]
    public async Task A_killed_router_fails_pending_calls_at_once_and_raises_closed()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var started = TaskTimeouts.Signal<bool>();
        await callee.RegisterAsync("test.hang", async (_, ct) =>
        {
            started.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return WampResult.Empty;
        });
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        caller.Closed += (_, e) => closed.TrySetResult(e);
        var calls = Enumerable.Range(0, 10).Select(_ => caller.CallAsync("test.hang")).ToArray();
        await started.Task.Within();

        await router.StopAsync();

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
        }

        var args = await closed.Task.Within();
        Assert.False(args.ClosedByClient);
        Assert.Equal(WampClientState.Closed, caller.State);
    }

    [Fact]
    public async Task Connecting_to_a_router_that_is_down_fails_with_a_message_naming_the_address()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var options = router.ClientOptions();
        await router.StopAsync();

        await using var client = new WampClient(options);
        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());

        Assert.Contains(options.Url!.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampClientState.Closed, client.State);
    }

    [Fact]
    public async Task A_client_reconnects_after_the_router_comes_back_on_the_same_port()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        await using var client = await router.ConnectAsync();
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);

        await router.StopAsync();
        await closed.Task.Within();
        await router.InitializeAsync();
        await client.ConnectAsync().Within();

        await using var registration = await client.RegisterAsync("test.back", (_, _) => ValueTask.FromResult(WampResult.FromValue("back")));
        Assert.Equal("back", await client.CallAsync<string>("test.back").Within());
    }
}
