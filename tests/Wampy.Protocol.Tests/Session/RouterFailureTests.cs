using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>The router going away under the client: each test owns its router process.</summary>
public class RouterFailureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the receive thread notices the closed socket
    public async Task A_killed_router_fails_pending_calls_at_once_and_the_client_starts_reconnecting(bool dedicatedReceiveThread)
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        await using var callee = await router.ConnectAsync(o => o.DedicatedReceiveThread = dedicatedReceiveThread);
        await using var caller = await router.ConnectAsync(o => o.DedicatedReceiveThread = dedicatedReceiveThread);
        var started = TaskTimeouts.Signal<bool>();
        await callee.RegisterAsync("test.hang", async (_, ct) =>
        {
            started.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return WampResult.Empty;
        });
        var reconnecting = TaskTimeouts.Signal<WampReconnectingEventArgs>();
        caller.Reconnecting += (_, e) => reconnecting.TrySetResult(e);
        var calls = Enumerable.Range(0, 10).Select(_ => caller.CallAsync("test.hang")).ToArray();
        await started.Task.Within();

        await router.StopAsync();

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
        }

        var args = await reconnecting.Task.Within();
        Assert.Equal(1, args.Attempt);
        Assert.IsType<WampConnectionLostException>(args.Error);
        Assert.Equal(WampClientState.Reconnecting, caller.State);
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
        Assert.Equal(WampClientState.Failed, client.State);
    }

    [Fact]
    public async Task A_plain_client_serves_its_procedure_and_subscription_again_after_the_router_restarts()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var options = router.ClientOptions();
        options.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(100);
        options.Reconnect.MaxDelay = TimeSpan.FromMilliseconds(500);
        await using var client = new WampClient(options);
        await client.ConnectAsync().Within();
        var events = TaskTimeouts.Signal<string>();
        await using var registration = await client.RegisterAsync("test.back", (_, _) => ValueTask.FromResult(WampResult.FromValue("back")));
        await using var subscription = await client.SubscribeAsync("test.news", (e, _) =>
        {
            events.TrySetResult(e.Arguments.Get<string>(0));
            return ValueTask.CompletedTask;
        });
        var reconnected = TaskTimeouts.Signal<WampReconnectedEventArgs>();
        client.Reconnected += (_, e) => reconnected.TrySetResult(e);
        var firstSession = client.SessionId;

        await router.StopAsync();
        await router.InitializeAsync();
        var args = await reconnected.Task.Within();

        Assert.Equal(WampClientState.Connected, client.State);
        Assert.NotEqual(firstSession, args.SessionId);
        await using var other = await router.ConnectAsync();
        Assert.Equal("back", await other.CallAsync<string>("test.back").Within());
        await other.PublishAsync("test.news", ["again"], options: new PublishOptions { Acknowledge = true }).Within();
        Assert.Equal("again", await events.Task.Within());
    }
}
