using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Json;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>
/// RawSocket liveness against a router that, like Crossbar.io 22.6.1, understands no RawSocket PING frame: the
/// scripted peer fails the test on any frame that is not a WAMP message. Time is a FakeTimeProvider.
/// </summary>
public class HeartbeatTests
{
    private static readonly IWampSerializer Json = JsonWampSerializer.Default;

    private static WampClient Client(Uri url, FakeTimeProvider time)
    {
        var options = new WampClientOptions { Url = url, Realm = "realm1", CloseTimeout = TimeSpan.FromSeconds(2), TimeProvider = time };
        options.Reconnect.Enabled = false; // The test watches one session end.
        return new WampClient(options);
    }

    private static async Task<WampClient> JoinedAsync(RawSocketTestPeer peer, FakeTimeProvider time)
    {
        var client = Client(peer.Url, time);
        var connect = client.ConnectAsync();
        await peer.AcceptAsync();
        Assert.IsType<HelloMessage>(Json.Deserialize(await WampMessageAsync(peer)));
        await peer.SendAsync(0, Json.Encode(new WelcomeMessage(77, WampDictionary.Empty)));
        await connect.Within();
        return client;
    }

    /// <summary>The next frame, which must be a WAMP message: a PING (type 1) is what kills a Crossbar.io session.</summary>
    private static async Task<byte[]> WampMessageAsync(RawSocketTestPeer peer)
    {
        var (type, payload) = await peer.ReceiveAsync();
        Assert.True(type == 0, $"The client sent a RawSocket frame of type {type}; a router without PING support drops the connection on it.");
        return payload;
    }

    /// <summary>Waits for the heartbeat probe the advance should trigger and checks it is a CALL of wamp.session.get with our session id.</summary>
    private static async Task<long> ProbeAsync(RawSocketTestPeer peer, FakeTimeProvider time, TimeSpan advance)
    {
        var next = WampMessageAsync(peer);
        time.Advance(advance);
        var call = JsonNode.Parse(Encoding.UTF8.GetString(await next.Within()))!.AsArray();
        Assert.Equal(48, call[0]!.GetValue<int>());
        Assert.Equal("wamp.session.get", call[3]!.GetValue<string>());
        Assert.Equal(77, call[4]![0]!.GetValue<long>());
        return call[1]!.GetValue<long>();
    }

    [Fact]
    public async Task A_session_with_default_options_stays_joined_through_three_intervals_on_a_router_without_ping()
    {
        var time = new FakeTimeProvider();
        await using var peer = RawSocketTestPeer.Start();
        await using var client = await JoinedAsync(peer, time);
        var interval = client.Options.Heartbeat.Interval;
        Assert.Equal(TimeSpan.FromSeconds(20), interval);

        for (var i = 0; i < 3; i++)
        {
            var probe = await ProbeAsync(peer, time, interval);
            // Crossbar.io answers with a RESULT or, without permission, an ERROR: either proves it alive.
            await peer.SendAsync(0, Encoding.UTF8.GetBytes($"[8,48,{probe},{{}},\"wamp.error.not_authorized\"]"));

            // A call answered after the ERROR proves the client has read it (frames are handled in order).
            var call = client.CallAsync("test.sync");
            var sync = JsonNode.Parse(Encoding.UTF8.GetString(await WampMessageAsync(peer).Within()))!.AsArray();
            await peer.SendAsync(0, Encoding.UTF8.GetBytes($"[50,{sync[1]},{{}},[\"ok\"]]"));
            Assert.Equal("ok", (await call.Within()).Arguments.Get<string>(0));
        }

        Assert.Equal(WampClientState.Connected, client.State);
    }

    [Fact]
    public async Task A_router_that_goes_silent_is_detected_within_interval_plus_timeout()
    {
        var time = new FakeTimeProvider();
        await using var peer = RawSocketTestPeer.Start();
        await using var client = await JoinedAsync(peer, time);
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);

        await ProbeAsync(peer, time, client.Options.Heartbeat.Interval);
        Assert.Equal(WampClientState.Connected, client.State);
        time.Advance(client.Options.Heartbeat.Timeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(WampClientState.Connected, client.State);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var args = await closed.Task.Within();
        Assert.Equal("wampy.close.heartbeat_missed", args.Reason);
        Assert.False(args.ClosedByClient);
        Assert.Equal(WampClientState.Closed, client.State);
    }

    [Fact]
    public async Task Traffic_from_the_router_postpones_the_probe()
    {
        var time = new FakeTimeProvider();
        await using var peer = RawSocketTestPeer.Start();
        await using var client = await JoinedAsync(peer, time);

        time.Advance(TimeSpan.FromSeconds(15));
        var call = client.CallAsync("test.sync");
        var sync = JsonNode.Parse(Encoding.UTF8.GetString(await WampMessageAsync(peer).Within()))!.AsArray();
        await peer.SendAsync(0, Encoding.UTF8.GetBytes($"[50,{sync[1]},{{}},[\"ok\"]]"));
        await call.Within();

        // 20 s after the join, but only 5 s after the last frame: no probe yet; 15 s later there is one.
        var probe = WampMessageAsync(peer);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(probe.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(15));
        var frame = JsonNode.Parse(Encoding.UTF8.GetString(await probe.Within()))!.AsArray();
        Assert.Equal("wamp.session.get", frame[3]!.GetValue<string>());
    }
}
