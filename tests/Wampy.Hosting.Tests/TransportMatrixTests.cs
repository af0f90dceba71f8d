using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;
using Wampy.TestPeers;

namespace Wampy.Hosting.Tests;

/// <summary>
/// The same hosted handlers over RawSocket in each serializer, played by the loopback RawSocket peer (no RawSocket
/// router is among the test peers yet): binding, an invocation, an event, with binary.
/// </summary>
public class TransportMatrixTests
{
    public static TheoryData<string> Formats() => ["json", "msgpack", "cbor"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Hosted_handlers_work_over_rawsocket_in_every_serializer(string format)
    {
        var serializer = WireFormats.For(format);
        await using var peer = RawSocketTestPeer.Start();
        await using var worker = WorkerHost.Build(peer.Url, o =>
        {
            o.Serializers = [format];
            o.ShutdownTimeout = TimeSpan.FromSeconds(1);
        });
        await worker.Host.StartAsync().Within();

        await peer.AcceptAsync();
        Assert.IsType<HelloMessage>(serializer.Deserialize(await peer.ReceiveMessageAsync()));
        await peer.SendAsync(0, serializer.Encode(new WelcomeMessage(9, WampDictionary.Empty)));
        var registrations = new Dictionary<string, long>();
        long subscription = 0;
        while (registrations.Count < 8 || subscription == 0)
        {
            switch (serializer.Deserialize(await peer.ReceiveMessageAsync()))
            {
                case RegisterMessage register:
                    registrations[register.Procedure] = 100 + registrations.Count;
                    await peer.SendAsync(0, serializer.Encode(new RegisteredMessage(register.RequestId, registrations[register.Procedure])));
                    break;
                case SubscribeMessage subscribe:
                    subscription = 500;
                    await peer.SendAsync(0, serializer.Encode(new SubscribedMessage(subscribe.RequestId, subscription)));
                    break;
            }
        }

        await worker.Client.WaitUntilConnectedAsync().Within();

        await peer.SendAsync(0, serializer.Encode(new InvocationMessage(1, registrations["calc.add"], WampDictionary.Empty, WampArguments.From(2, 3))));
        var yielded = Assert.IsType<YieldMessage>(serializer.Deserialize(await peer.ReceiveMessageAsync()));
        Assert.Equal(5, yielded.Arguments!.Get<int>(0));

        await peer.SendAsync(0, serializer.Encode(new InvocationMessage(2, registrations["calc.binary"], WampDictionary.Empty, WampArguments.From(new byte[] { 1, 2, 3 }))));
        var reversed = Assert.IsType<YieldMessage>(serializer.Deserialize(await peer.ReceiveMessageAsync()));
        Assert.Equal(new byte[] { 3, 2, 1 }, reversed.Arguments!.Get<byte[]>(0));

        await peer.SendAsync(0, serializer.Encode(new EventMessage(subscription, 77, WampDictionary.Empty, WampArguments.From("over rawsocket"), WampKeywordArguments.From(new { priority = 3 }))));
        var sink = worker.Services.GetRequiredService<EventSink>();
        Assert.True(sink.Received.TryTake(out var received, TaskTimeouts.Default));
        Assert.Equal(("over rawsocket", 3, "events.news"), received);
    }

}
