using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// Mutated frames (bit flips, truncations, insertions, swapped bytes) in JSON, MessagePack and CBOR over WebSocket
/// and RawSocket, sent by attackers while a legitimate caller and callee keep calling: the router survives, aborts
/// only the attackers, and not one legitimate call fails. Bounded in count (a seeded generator) and in time.
/// </summary>
public sealed class FuzzTests
{
    private const int FramesPerFormatAndTransport = 500;

    private static readonly WampMessage[] Seeds =
    [
        new HelloMessage("realm1", new Dictionary<string, object?> { ["roles"] = new Dictionary<string, object?> { ["caller"] = new Dictionary<string, object?>(), ["subscriber"] = new Dictionary<string, object?>() } }),
        new CallMessage(1, WampDictionary.Empty, "com.fuzz.echo", WampArguments.From("payload", 42, new[] { 1, 2, 3 }), null),
        new RegisterMessage(2, new Dictionary<string, object?> { ["match"] = "prefix", ["invoke"] = "roundrobin" }, "com.fuzz."),
        new SubscribeMessage(3, new Dictionary<string, object?> { ["match"] = "wildcard" }, "com..x"),
        new PublishMessage(4, new Dictionary<string, object?> { ["acknowledge"] = true, ["exclude"] = new object?[] { 1L } }, "com.fuzz.news", WampArguments.From("x"), null),
        new YieldMessage(5, WampDictionary.Empty, WampArguments.From("y")),
        new CancelMessage(6, new Dictionary<string, object?> { ["mode"] = "kill" }),
        new GoodbyeMessage(WampDictionary.Empty, "wamp.close.normal"),
    ];

    private static byte[] Encode(IWampSerializer serializer, WampMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] frame)
    {
        var bytes = frame.ToList();
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: bytes[at] = (byte)random.Next(256); break;
                default:
                    var other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
            }
        }

        return [.. bytes];
    }

    [Fact]
    public async Task Thousands_of_mutated_frames_fail_no_legitimate_call()
    {
        await using var router = await WampRouter.StartAsync(new WampRouterOptions { Port = 0, RawSocketPort = 0, ShutdownTimeout = TimeSpan.FromSeconds(2) });
        await using var callee = new WampClient(new WampClientOptions { Url = router.Url, Realm = "realm1" });
        await callee.ConnectAsync().Within();
        await using var registration = await callee.RegisterAsync("com.legit.echo", (i, _) => ValueTask.FromResult(new WampResult(i.Arguments)));
        await using var caller = new WampClient(new WampClientOptions { Url = router.RawSocketUrl, Realm = "realm1", Serializers = ["msgpack"] });
        await caller.ConnectAsync().Within();

        using var stop = new CancellationTokenSource();
        var calls = 0;
        var failures = new List<string>();
        var legit = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Assert.Equal(calls, await caller.CallAsync<int>("com.legit.echo", [calls]).Within());
                    calls++;
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex.Message);
                    }
                }
            }
        });

        var random = new Random(20261130);
        var sent = 0;
        foreach (var format in WampSerializers.Names)
        {
            var serializer = WampSerializers.Find(format)!;
            var frames = Seeds.Select(m => Encode(serializer, m)).ToArray();
            sent += await FuzzWebSocketAsync(router.Url, serializer, frames, random);
            sent += await FuzzRawSocketAsync(router.RawSocketUrl!, serializer, frames, random);
        }

        await stop.CancelAsync();
        await legit.Within();
        Assert.Empty(failures);
        Assert.True(calls > 0);
        Assert.True(sent >= 6 * FramesPerFormatAndTransport, $"only {sent} frames sent");
        await using var after = new WampClient(new WampClientOptions { Url = router.Url, Realm = "realm1" });
        await after.ConnectAsync().Within();
        Assert.Equal("still serving", await after.CallAsync<string>("com.legit.echo", ["still serving"]).Within());
    }

    private static async Task<int> FuzzWebSocketAsync(Uri url, IWampSerializer serializer, byte[][] frames, Random random)
    {
        var sent = 0;
        RawWampClient? client = null;
        try
        {
            while (sent < FramesPerFormatAndTransport)
            {
                if (client is null || client.State != System.Net.WebSockets.WebSocketState.Open)
                {
                    if (client is not null)
                    {
                        await client.DisposeAsync();
                    }

                    client = await RawWampClient.ConnectAsync(url, serializer);
                    if (random.Next(2) == 0)
                    {
                        await client.SendRawAsync(frames[0], serializer.IsBinary); // a valid HELLO first, half of the time
                    }
                }

                try
                {
                    await client.SendRawAsync(Mutate(random, frames[random.Next(frames.Length)]), serializer.IsBinary).WaitAsync(TaskTimeouts.Default);
                }
                catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or ObjectDisposedException or IOException)
                {
                    // The router dropped this attacker: connect again.
                    await client.DisposeAsync();
                    client = null;
                }

                sent++;
            }
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }

        return sent;
    }

    private static async Task<int> FuzzRawSocketAsync(Uri url, IWampSerializer serializer, byte[][] frames, Random random)
    {
        var sent = 0;
        var id = (byte)(serializer.Subprotocol switch { "wamp.2.json" => 1, "wamp.2.msgpack" => 2, _ => 3 });
        while (sent < FramesPerFormatAndTransport)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(url.Host, url.Port).WaitAsync(TaskTimeouts.Default);
            await using var stream = new NetworkStream(socket);
            try
            {
                await stream.WriteAsync(new byte[] { 0x7F, (byte)(0xF0 | id), 0, 0 });
                await stream.ReadExactlyAsync(new byte[4]).AsTask().WaitAsync(TaskTimeouts.Default);
                for (var i = 0; i < 50 && sent < FramesPerFormatAndTransport; i++, sent++)
                {
                    var frame = i == 0 && random.Next(2) == 0 ? frames[0] : Mutate(random, frames[random.Next(frames.Length)]);
                    var header = new byte[4];
                    BinaryPrimitives.WriteInt32BigEndian(header, frame.Length);
                    if (random.Next(20) == 0)
                    {
                        header[0] = (byte)random.Next(256); // a wrong frame type or length now and then
                    }

                    await stream.WriteAsync(header);
                    await stream.WriteAsync(frame);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or EndOfStreamException or ObjectDisposedException)
            {
                sent++; // the router dropped this attacker: connect again
            }
        }

        return sent;
    }
}
