using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>Limits one client cannot get around: bytes queued, calls pending, connections, authentication attempts, frame sizes.</summary>
public sealed class SecurityLimitTests
{
    private static WampRouterOptions Options(Action<WampRouterOptions>? configure = null)
    {
        var options = new WampRouterOptions { Port = 0, RawSocketPort = 0, ShutdownTimeout = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        return options;
    }

    private static async Task<WampClient> JoinAsync(WampRouter router, string realm = "realm1")
    {
        var client = new WampClient(new WampClientOptions { Url = router.Url, Realm = realm, Reconnect = { Enabled = false } });
        await client.ConnectAsync().Within();
        return client;
    }

    [Fact]
    public async Task A_subscriber_that_does_not_read_is_cut_when_its_queued_bytes_pass_the_budget()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var slow = new MetricCollector<long>(meters, "Wampy.Router", "wampy.router.slow_consumers");
        await using var router = await WampRouter.StartAsync(Options(o => o.MaxQueuedBytesPerSession = 1024 * 1024), null, meters);
        await using var stalled = await RawWampClient.JoinAsync(router.Url);
        await stalled.SendAsync(new SubscribeMessage(1, WampDictionary.Empty, "com.flood"));
        await stalled.ReceiveUntilAsync<SubscribedMessage>(); // from here on it never reads
        await using var publisher = await JoinAsync(router);
        await using var caller = await JoinAsync(router);
        await using var callee = await JoinAsync(router);
        await using var echo = await callee.RegisterAsync("com.echo", (i, _) => ValueTask.FromResult(new WampResult(i.Arguments)));
        var payload = new string('x', 64 * 1024);

        var published = 0;
        while (slow.GetMeasurementSnapshot().Count == 0)
        {
            Assert.True(published < 2000, "the stalled subscriber was never cut (128 MiB published)");
            await publisher.PublishAsync("com.flood", [payload], options: new PublishOptions { Acknowledge = true }).Within();
            published++;
        }

        using (var timeout = new CancellationTokenSource(TaskTimeouts.Default))
        {
            while (router.SessionCount("realm1") != 3)
            {
                await Task.Delay(10, timeout.Token); // the cut session leaves the realm as its connection closes; bounded
            }
        }

        Assert.InRange(published, 2, 1999);
        Assert.Equal("still here", await caller.CallAsync<string>("com.echo", ["still here"]).Within());
    }

    [Fact]
    public async Task Calls_beyond_the_pending_limit_are_refused_at_once()
    {
        await using var router = await WampRouter.StartAsync(Options(o => o.MaxPendingCallsPerSession = 5));
        await using var callee = await JoinAsync(router);
        var never = new TaskCompletionSource<WampResult>();
        await using var hang = await callee.RegisterAsync("com.hang", (_, _) => new ValueTask<WampResult>(never.Task));
        await using var caller = await JoinAsync(router);

        var pending = Enumerable.Range(0, 5).Select(_ => caller.CallAsync("com.hang")).ToArray();
        var refused = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync("com.hang").Within());

        Assert.Equal("wampy.error.too_many_pending_calls", refused.Error);
        Assert.All(pending, p => Assert.False(p.IsCompleted));
        never.SetResult(WampResult.FromValue("done"));
        foreach (var call in pending)
        {
            await call.Within();
        }

        await caller.CallAsync("com.hang").Within(); // room again
    }

    [Fact]
    public async Task Repeated_failed_authentications_are_delayed_without_slowing_anyone_else_and_counted()
    {
        var time = new FakeTimeProvider();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var failures = new MetricCollector<long>(meters, "Wampy.Router", "wampy.router.authentication.failures");
        await using var router = await WampRouter.StartAsync(Options(o =>
        {
            o.TimeProvider = time;
            o.AuthenticationFailuresBeforeDelay = 2;
            o.Realms.Add(new WampRealmOptions { Name = "realm1" });
            o.Realms.Add(new WampRealmOptions
            {
                Name = "secure",
                AllowAnonymous = false,
                Users = [new WampRouterUserOptions { AuthId = "joe", Ticket = "right", Role = "user" }],
            });
        }), null, meters);

        Task Attempt() => new WampClient(new WampClientOptions
        {
            Url = router.Url, Realm = "secure", Reconnect = { Enabled = false },
            Authentication = { Method = "ticket", AuthId = "joe", Ticket = "wrong" },
        }).ConnectAsync();

        await Assert.ThrowsAsync<WampSessionAbortedException>(() => Attempt().Within());
        await Assert.ThrowsAsync<WampSessionAbortedException>(() => Attempt().Within());
        var third = Attempt(); // over the threshold: its refusal waits 100 ms of router time
        using (var timeout = new CancellationTokenSource(TaskTimeouts.Default))
        {
            while (failures.GetMeasurementSnapshot().EvaluateAsCounter() < 3)
            {
                await Task.Delay(10, timeout.Token); // until the router has judged the third attempt; bounded
            }
        }

        // Meanwhile the router serves everyone else at once, and the third refusal is still held back.
        await using (var bystander = await JoinAsync(router))
        {
            Assert.Equal(1L, await bystander.CallAsync<long>("wamp.session.count").Within());
        }

        Assert.False(third.IsCompleted);
        using (var timeout = new CancellationTokenSource(TaskTimeouts.Default))
        {
            while (!third.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(50)); // the delay timer starts once the AUTHENTICATE arrives; bounded
                await Task.WhenAny(third, Task.Delay(10, timeout.Token));
            }
        }

        var refused = await Assert.ThrowsAsync<WampSessionAbortedException>(() => third);
        Assert.Equal(WampErrorUris.AuthenticationFailed, refused.Error);
        Assert.Equal(3, failures.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Connections_beyond_the_per_address_limit_are_closed_and_a_silent_one_is_dropped_at_the_handshake_timeout()
    {
        await using var router = await WampRouter.StartAsync(Options(o =>
        {
            o.MaxConnectionsPerAddress = 3;
            o.HandshakeTimeout = TimeSpan.FromSeconds(1);
        }));
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", router.Url.Port);
                sockets.Add(socket);
            }

            using var extra = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await extra.ConnectAsync("127.0.0.1", router.Url.Port);
            Assert.True(await ClosedAsync(extra)); // closed at once

            // The three that send nothing are closed by the HTTP phase's timeout, not held for minutes.
            foreach (var socket in sockets)
            {
                Assert.True(await ClosedAsync(socket));
            }

            await using var client = await JoinAsync(router); // their slots are free again
            Assert.Equal(WampClientState.Connected, client.State);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>Whether the peer closed the connection (an orderly close or a reset), waiting at most the default bound.</summary>
    private static async Task<bool> ClosedAsync(Socket socket)
    {
        try
        {
            return await socket.ReceiveAsync(new byte[16]).Within() == 0;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    [Fact]
    public async Task A_rawsocket_client_is_never_sent_more_than_it_announced()
    {
        await using var router = await WampRouter.StartAsync(Options());
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", router.RawSocketUrl!.Port);
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync(new byte[] { 0x7F, 0x01, 0, 0 }); // JSON, maximum 2^9 = 512 bytes
        var reply = new byte[4];
        await stream.ReadExactlyAsync(reply).AsTask().Within();
        Assert.Equal(0x7F, reply[0]);
        var hello = Encoding.UTF8.GetBytes("""[1,"realm1",{"roles":{"caller":{},"callee":{},"publisher":{},"subscriber":{}}}]""");
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, hello.Length);
        await stream.WriteAsync(header);
        await stream.WriteAsync(hello);

        // The WELCOME with the router's roles is larger than 512 bytes: it is not sent; the session ends instead.
        var frames = new List<int>();
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false).AsTask().Within();
            if (read < 4)
            {
                break;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(header) & 0xFFFFFF;
            frames.Add(length);
            await stream.ReadExactlyAsync(new byte[length]).AsTask().Within();
        }

        Assert.All(frames, length => Assert.InRange(length, 0, 512));
    }
}
