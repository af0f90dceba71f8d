using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;
using Wampy.TestPeers;

namespace Wampy.Tests.Serialization;

/// <summary>
/// Our MessagePack and CBOR serializers against Autobahn|JS's own (msgpack5, node-cbor) as an independent oracle:
/// a corpus of messages built from the spec, encoded by one side and decoded by the other, compared as JSON.
/// </summary>
public sealed class SerializerOracleTests : IAsyncLifetime
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = WampDictionary.Empty;
    private static readonly byte[] Binary = [0, 1, 2, 127, 128, 254, 255];
    private AutobahnOracle _oracle = null!;

    public static TheoryData<string> Formats() => ["msgpack", "cbor"];


    /// <summary>Every message type, with and without arguments, binary, unicode, large integers, empty containers.</summary>
    private static IEnumerable<WampMessage> Corpus()
    {
        var details = new Dictionary<string, object?> { ["message"] = "100éfa ✓", ["nested"] = new Dictionary<string, object?> { ["list"] = new object?[] { 1L, "two", null, true } } };
        var args = WampArguments.From("100éfa", 9007199254740992L, -9007199254740991L, 1.5, true, false, null, Binary, Array.Empty<object?>(), new Dictionary<string, object?>());
        var kwargs = WampKeywordArguments.From(new Dictionary<string, object?> { ["unicode"] = "日本語", ["bin"] = Binary, ["empty"] = new Dictionary<string, object?>(), ["n"] = 42L });
        yield return new HelloMessage("realm1", new Dictionary<string, object?> { ["roles"] = new Dictionary<string, object?> { ["caller"] = Empty }, ["authmethods"] = new object?[] { "ticket" } });
        yield return new WelcomeMessage(9007199254740992, details);
        yield return new AbortMessage(details, "wamp.error.no_such_realm");
        yield return new ChallengeMessage("wampcra", new Dictionary<string, object?> { ["challenge"] = "{\"nonce\":1}", ["iterations"] = 1000L });
        yield return new AuthenticateMessage("c2lnbmF0dXJl", Empty);
        yield return new GoodbyeMessage(Empty, "wamp.close.normal");
        yield return new ErrorMessage(WampMessageType.Call, 5, Empty, "com.example.error", args, kwargs);
        yield return new ErrorMessage(WampMessageType.Invocation, 6, Empty, "com.example.error");
        yield return new PublishMessage(7, new Dictionary<string, object?> { ["acknowledge"] = true, ["exclude"] = new object?[] { 1L, 2L } }, "com.topic", args);
        yield return new PublishMessage(8, Empty, "com.topic", null, kwargs);
        yield return new PublishedMessage(7, 4429313566);
        yield return new SubscribeMessage(9, new Dictionary<string, object?> { ["match"] = "prefix" }, "com.topic");
        yield return new SubscribedMessage(9, 5512315355);
        yield return new UnsubscribeMessage(10, 5512315355);
        yield return new UnsubscribedMessage(10);
        yield return new EventMessage(5512315355, 4429313566, new Dictionary<string, object?> { ["publisher"] = 3L }, args, kwargs);
        yield return new EventMessage(1, 2, Empty);
        yield return new CallMessage(11, Empty, "com.add", WampArguments.From(2L, 3L));
        yield return new CallMessage(12, new Dictionary<string, object?> { ["timeout"] = 1000L, ["receive_progress"] = true }, "com.call", args, kwargs);
        yield return new CancelMessage(12, new Dictionary<string, object?> { ["mode"] = "kill" });
        yield return new ResultMessage(11, Empty, WampArguments.From(5L));
        yield return new ResultMessage(12, new Dictionary<string, object?> { ["progress"] = true }, null, kwargs);
        yield return new RegisterMessage(13, new Dictionary<string, object?> { ["invoke"] = "roundrobin" }, "com.add");
        yield return new RegisteredMessage(13, 2103333224);
        yield return new UnregisterMessage(14, 2103333224);
        yield return new UnregisteredMessage(14);
        yield return new InvocationMessage(15, 2103333224, Empty, args, kwargs);
        yield return new InterruptMessage(15, new Dictionary<string, object?> { ["mode"] = "killnowait" });
        yield return new YieldMessage(15, Empty, WampArguments.From(Binary));
        yield return new YieldMessage(16, Empty);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Autobahn_decodes_what_we_encode(string format)
    {
        var serializer = WireFormats.For(format);
        foreach (var message in Corpus())
        {
            var buffer = new ArrayBufferWriter<byte>();
            serializer.Serialize(message, buffer);
            var answer = await _oracle.AskAsync(new JsonObject { ["op"] = "decode", ["format"] = format, ["hex"] = Convert.ToHexStringLower(buffer.WrittenSpan) });
            var expected = AsOracleJson(message);
            Assert.True(JsonNode.DeepEquals(expected, answer["result"]), $"{message.MessageType}: Autobahn read {answer["result"]?.ToJsonString()}, expected {expected.ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task We_decode_what_autobahn_encodes(string format)
    {
        var serializer = WireFormats.For(format);
        foreach (var message in Corpus())
        {
            var expected = AsOracleJson(message);
            var answer = await _oracle.AskAsync(new JsonObject { ["op"] = "encode", ["format"] = format, ["message"] = expected.DeepClone() });
            var decoded = serializer.Deserialize(Convert.FromHexString(answer["result"]!.GetValue<string>()));
            Assert.Equal(message.GetType(), decoded.GetType());
            var actual = AsOracleJson(decoded);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{message.MessageType}: we read {actual.ToJsonString()}, expected {expected.ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_same_poco_binds_the_same_way_in_every_format(string format)
    {
        var order = new PayloadPoco(7, "ann", [1.5m, 2m], Binary, new Dictionary<string, int> { ["a"] = 1 });
        foreach (var serializer in new IWampSerializer[] { JsonWampSerializer.Default, WireFormats.For(format) })
        {
            var buffer = new ArrayBufferWriter<byte>();
            serializer.Serialize(new CallMessage(1, Empty, "p", WampArguments.From(order, Binary), WampKeywordArguments.From(order)), buffer);
            var call = (CallMessage)serializer.Deserialize(buffer.WrittenMemory);

            var bound = call.Arguments!.Get<PayloadPoco>(0);
            Assert.Equal((7, "ann"), (bound.OrderId, bound.Customer));
            Assert.Equal([1.5m, 2m], bound.Amounts);
            Assert.Equal(Binary, bound.Data);
            Assert.Equal(1, bound.Extra["a"]);
            Assert.Equal(Binary, call.Arguments.Get<byte[]>(1));
            Assert.Equal(Binary, call.Arguments.Get<ReadOnlyMemory<byte>>(1).ToArray());
            Assert.Equal("ann", call.ArgumentsKw!.Get<string>("customer"));
            Assert.Equal(Binary, call.ArgumentsKw.Get<byte[]>("data"));
            Assert.Equal(7, call.ArgumentsKw.As<PayloadPoco>().OrderId);
        }
    }

    public sealed record PayloadPoco(
        [property: System.Text.Json.Serialization.JsonPropertyName("order_id")] int OrderId,
        string Customer,
        decimal[] Amounts,
        byte[] Data,
        Dictionary<string, int> Extra);

    public Task InitializeAsync()
    {
        _oracle = new AutobahnOracle();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _oracle.DisposeAsync();

    /// <summary>The message as JSON (our JSON serializer's view) with binary strings as {"$bin": hex}.</summary>
    private static JsonNode AsOracleJson(WampMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        JsonWampSerializer.Default.Serialize(message, buffer);
        return Binaries(JsonNode.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan))!);
    }

    private static JsonNode Binaries(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Binaries(item))]);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = value is null ? null : Binaries(value);
                }

                return copy;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0 && text[0] == '\0':
                return new JsonObject { ["$bin"] = Convert.ToHexStringLower(Convert.FromBase64String(text[1..])) };
            default:
                return node.DeepClone();
        }
    }
}
