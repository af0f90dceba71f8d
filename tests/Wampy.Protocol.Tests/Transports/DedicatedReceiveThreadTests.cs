using System.Collections.Concurrent;
using Wampy.TestPeers;

namespace Wampy.Tests.Transports;

/// <summary>
/// <see cref="WampClientOptions.DedicatedReceiveThread"/> through fox-wamp, which writes every message on its own:
/// dense traffic (the receive thread pauses between reads and reads frames in batches) loses, reorders and mixes up
/// nothing, and disposing the client ends its receive thread's work. Other behaviours with the option on (a router
/// that stops reading, a killed router, TLS, handlers that block) run in their own test classes with both settings.
/// </summary>
public class DedicatedReceiveThreadTests(FoxRouter router) : IClassFixture<FoxRouter>
{
    private static string Unique(string name) => $"test.dedicated.{name}.{Guid.NewGuid():N}";

    private Task<WampClient> ConnectAsync() => router.ConnectAsync(o => o.DedicatedReceiveThread = true);

    /// <summary>A round trip through the router and back into the same client: its receive thread is working.</summary>
    private static async Task<string> CallItselfAsync(WampClient client)
    {
        var procedure = Unique("self");
        await using var registration = await client.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(WampResult.FromValue("ok")));
        return await client.CallAsync<string>(procedure).Within();
    }

    [Fact]
    public async Task Two_thousand_calls_in_flight_each_get_their_own_result()
    {
        var procedure = Unique("echo");
        await using var callee = await ConnectAsync();
        await using var caller = await ConnectAsync();
        await callee.RegisterAsync(procedure, (inv, _) => ValueTask.FromResult(WampResult.FromValue(inv.Arguments.Get<int>(0))));

        var calls = Enumerable.Range(0, 2000).Select(i => caller.CallAsync<int>(procedure, [i])).ToArray();

        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(0, 2000), results);
    }

    [Fact]
    public async Task Events_published_in_a_stream_all_arrive_in_order()
    {
        var topic = Unique("stream");
        await using var subscriber = await ConnectAsync();
        await using var publisher = await ConnectAsync();
        var received = new ConcurrentQueue<int>();
        var all = TaskTimeouts.Signal<bool>();
        await subscriber.SubscribeAsync(topic, (e, _) =>
        {
            received.Enqueue(e.Arguments.Get<int>(0));
            if (received.Count == 3000)
            {
                all.TrySetResult(true);
            }

            return ValueTask.CompletedTask;
        });

        for (var i = 0; i < 3000; i++)
        {
            await publisher.PublishAsync(topic, [i]);
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(0, 3000), received);
    }

    [Fact]
    public async Task Disposing_the_client_ends_its_receive_thread()
    {
        await using var own = new FoxRouter(); // a port no other test's connection goes to
        await own.InitializeAsync();
        var ended = TaskTimeouts.Signal<bool>();
        void OnEnded(System.Net.EndPoint? remote)
        {
            if (remote is System.Net.IPEndPoint ip && ip.Port == own.Port)
            {
                ended.TrySetResult(true);
            }
        }

        Wampy.Transports.DedicatedReceiveStream.ReceiveThreadEnded += OnEnded;
        try
        {
            var client = await own.ConnectAsync(o =>
            {
                o.DedicatedReceiveThread = true;
                o.CloseTimeout = TimeSpan.FromSeconds(1);
            });
            Assert.Equal("ok", await CallItselfAsync(client));
            Assert.False(ended.Task.IsCompleted);

            // A router that answers nothing any more: no close handshake ends the read; disposing the client must.
            own.Process.Signal("STOP");
            await client.DisposeAsync().AsTask().Within();

            Assert.True(await ended.Task.Within());
        }
        finally
        {
            own.Process.Signal("CONT");
            Wampy.Transports.DedicatedReceiveStream.ReceiveThreadEnded -= OnEnded;
        }
    }

    [Fact]
    public async Task A_client_disposed_while_calls_stream_in_stops_cleanly_and_its_peer_carries_on()
    {
        var procedure = Unique("busy");
        await using var callee = await ConnectAsync();
        var caller = await ConnectAsync();
        await callee.RegisterAsync(procedure, (inv, _) => ValueTask.FromResult(WampResult.FromValue(inv.Arguments.Get<int>(0))));
        var calls = Enumerable.Range(0, 500).Select(i => caller.CallAsync<int>(procedure, [i])).ToArray();

        await caller.DisposeAsync().AsTask().Within();

        foreach (var call in calls)
        {
            // Each call either got its result before the dispose or was failed by it; none is left hanging.
            var outcome = await Task.WhenAny(call).Within();
            Assert.True(outcome.IsCompletedSuccessfully || outcome.Exception?.InnerException is WampyException or ObjectDisposedException,
                $"A call ended with {outcome.Exception?.InnerException?.GetType().Name}.");
        }

        Assert.Equal(WampClientState.Closed, caller.State);
        await using var other = await ConnectAsync();
        Assert.Equal(7, await other.CallAsync<int>(procedure, [7]).Within());
    }
}
