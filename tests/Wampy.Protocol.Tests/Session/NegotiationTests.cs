using System.Buffers;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>Serializer negotiation over WebSocket subprotocols, and whole sessions in the binary formats.</summary>
public class NegotiationTests
{
    public static TheoryData<string> BinaryProtocols() => ["wamp.2.msgpack", "wamp.2.cbor"];

    [Theory]
    [MemberData(nameof(BinaryProtocols))]
    public async Task The_router_picks_the_serializer_and_the_whole_session_uses_it(string protocol)
    {
        var serializer = WireFormats.For(protocol == "wamp.2.msgpack" ? "msgpack" : "cbor");
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await endpoint.CommandAsync("PROTOCOL " + protocol);
        await using var client = new WampClient(new WampClientOptions { Url = endpoint.Url, Realm = "realm1", CloseTimeout = TimeSpan.FromSeconds(2) });

        var connect = client.ConnectAsync();
        var hello = (HelloMessage)serializer.Deserialize(Convert.FromHexString(await endpoint.NextFrameAsync()));
        Assert.Equal("realm1", hello.Realm);
        await endpoint.CommandAsync("SENDBIN " + Convert.ToHexStringLower(serializer.Encode(new WelcomeMessage(77, WampDictionary.Empty))));
        await connect.Within();

        var bytes = new byte[] { 0, 1, 2, 255 };
        var call = client.CallAsync("test.binary", [bytes, "100éfa"], new { n = 9007199254740992L });
        var sent = (CallMessage)serializer.Deserialize(Convert.FromHexString(await endpoint.NextFrameAsync()));
        Assert.Equal(bytes, sent.Arguments!.Get<byte[]>(0));
        Assert.Equal("100éfa", sent.Arguments.Get<string>(1));
        Assert.Equal(9007199254740992L, sent.ArgumentsKw!.Get<long>("n"));

        await endpoint.CommandAsync("SENDBIN " + Convert.ToHexStringLower(serializer.Encode(new ResultMessage(sent.RequestId, WampDictionary.Empty, sent.Arguments, sent.ArgumentsKw))));
        var result = await call.Within();
        Assert.Equal(bytes, result.Arguments.Get<byte[]>(0));
        Assert.Equal(9007199254740992L, result.ArgumentsKw.Get<long>("n"));
    }

    [Fact]
    public async Task A_router_that_accepts_none_of_the_offered_serializers_gives_a_clear_error()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await endpoint.CommandAsync("PROTOCOL wamp.2.ubjson");
        var options = new WampClientOptions { Url = endpoint.Url, Realm = "realm1" };
        await using var client = new WampClient(options);

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());
        Assert.Contains("wamp.2.json, wamp.2.msgpack, wamp.2.cbor", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_preference_is_json_then_msgpack_then_cbor()
    {
        var serializers = Wampy.Serialization.WampSerializers.Resolve(new WampClientOptions().Serializers);
        Assert.Equal(["wamp.2.json", "wamp.2.msgpack", "wamp.2.cbor"], serializers.Select(s => s.Subprotocol));
        Assert.IsType<JsonWampSerializer>(serializers[0]);
    }

}
