using System.Buffers;
using System.Text;
using System.Text.Json;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization.Json;

namespace Wampy.Tests.Serialization;

public class JsonSerializerTests
{
    private static readonly JsonWampSerializer Serializer = JsonWampSerializer.Default;
    private static readonly IReadOnlyDictionary<string, object?> Empty = WampDictionary.Empty;

    public static TheoryData<WampMessage, string> EveryMessage() => new()
    {
        { new HelloMessage("realm1", new Dictionary<string, object?> { ["roles"] = new Dictionary<string, object?> { ["caller"] = Empty } }), """[1,"realm1",{"roles":{"caller":{}}}]""" },
        { new WelcomeMessage(9007199254740992, Empty), """[2,9007199254740992,{}]""" },
        { new AbortMessage(new Dictionary<string, object?> { ["message"] = "no" }, "wamp.error.no_such_realm"), """[3,{"message":"no"},"wamp.error.no_such_realm"]""" },
        { new ChallengeMessage("wampcra", new Dictionary<string, object?> { ["challenge"] = "c" }), """[4,"wampcra",{"challenge":"c"}]""" },
        { new AuthenticateMessage("sig", Empty), """[5,"sig",{}]""" },
        { new GoodbyeMessage(Empty, "wamp.close.normal"), """[6,{},"wamp.close.normal"]""" },
        { new ErrorMessage(WampMessageType.Call, 7, Empty, "com.err", WampArguments.From("x"), WampKeywordArguments.From(new Dictionary<string, object?> { ["k"] = 1L })), """[8,48,7,{},"com.err",["x"],{"k":1}]""" },
        { new PublishMessage(1, Empty, "com.topic"), """[16,1,{},"com.topic"]""" },
        { new PublishedMessage(1, 2), "[17,1,2]" },
        { new SubscribeMessage(1, Empty, "com.topic"), """[32,1,{},"com.topic"]""" },
        { new SubscribedMessage(1, 2), "[33,1,2]" },
        { new UnsubscribeMessage(1, 2), "[34,1,2]" },
        { new UnsubscribedMessage(1), "[35,1]" },
        { new UnsubscribedMessage(0, new Dictionary<string, object?> { ["subscription"] = 2L, ["reason"] = "gone" }), """[35,0,{"subscription":2,"reason":"gone"}]""" },
        { new EventMessage(1, 2, Empty, null, WampKeywordArguments.From(new Dictionary<string, object?> { ["a"] = true })), """[36,1,2,{},[],{"a":true}]""" },
        { new EventReceivedMessage(5), "[337,5]" },
        { new CallMessage(1, Empty, "com.add", WampArguments.From(1, 2)), """[48,1,{},"com.add",[1,2]]""" },
        { new CancelMessage(1, new Dictionary<string, object?> { ["mode"] = "kill" }), """[49,1,{"mode":"kill"}]""" },
        { new ResultMessage(1, Empty, WampArguments.From(3)), "[50,1,{},[3]]" },
        { new RegisterMessage(1, Empty, "com.add"), """[64,1,{},"com.add"]""" },
        { new RegisteredMessage(1, 2), "[65,1,2]" },
        { new UnregisterMessage(1, 2), "[66,1,2]" },
        { new UnregisteredMessage(1), "[67,1]" },
        { new InvocationMessage(1, 2, Empty, WampArguments.From("a", null, 1.5)), """[68,1,2,{},["a",null,1.5]]""" },
        { new InterruptMessage(1, Empty), "[69,1,{}]" },
        { new YieldMessage(1, Empty), "[70,1,{}]" },
    };

    [Theory]
    [MemberData(nameof(EveryMessage))]
    public void Every_message_type_encodes_to_the_spec_layout_and_decodes_back(WampMessage message, string json)
    {
        var encoded = Encode(message);
        Assert.Equal(json, encoded);

        var decoded = Serializer.Deserialize(Encoding.UTF8.GetBytes(encoded));
        Assert.Equal(message.GetType(), decoded.GetType());
        Assert.Equal(json, Encode(decoded));
    }

    [Fact]
    public void Empty_arguments_are_omitted_and_kwargs_alone_get_an_empty_list_before_them()
    {
        Assert.Equal("""[48,1,{},"p"]""", Encode(new CallMessage(1, Empty, "p", WampArguments.Empty, WampKeywordArguments.Empty)));
        Assert.Equal("""[48,1,{},"p",[],{"x":1}]""", Encode(new CallMessage(1, Empty, "p", null, WampKeywordArguments.From(new { x = 1 }))));
    }

    [Fact]
    public void Null_arguments_and_kwargs_from_a_router_are_accepted()
    {
        var result = (ResultMessage)Decode("[50,9,{},null,null]");
        Assert.Null(result.Arguments);
        Assert.Null(result.ArgumentsKw);

        var ev = (EventMessage)Decode("""[36,1,2,null,["a"],null]""");
        Assert.Empty(ev.Details);
        Assert.Equal("a", ev.Arguments!.Get<string>(0));
    }

    [Fact]
    public void Binary_values_use_the_wamp_json_convention()
    {
        var bytes = new byte[] { 0, 1, 2, 250, 255 };
        var json = Encode(new CallMessage(1, Empty, "p", WampArguments.From(bytes)));
        Assert.Equal("""[48,1,{},"p",["\u0000AAEC+v8="]]""", json);

        var call = (CallMessage)Decode(json);
        Assert.Equal(bytes, call.Arguments!.Get<byte[]>(0));
        Assert.Equal(bytes, call.Arguments.Get<ReadOnlyMemory<byte>>(0).ToArray());
    }

    [Fact]
    public void Binary_values_in_details_decode_to_byte_arrays()
    {
        var welcome = (WelcomeMessage)Decode("""[2,1,{"key":"\u0000AAEC"}]""");
        Assert.Equal(new byte[] { 0, 1, 2 }, welcome.Details["key"]);
    }

    [Fact]
    public void Invalid_base64_after_the_binary_marker_is_a_clear_binding_error()
    {
        var call = (CallMessage)Decode("""[48,1,{},"p",["\u0000!!notbase64"]]""");
        var ex = Assert.Throws<WampPayloadBindingException>(() => call.Arguments!.Get<byte[]>(0));
        Assert.Contains("base64", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampErrorUris.InvalidArgument, ex.Error);
    }

    [Fact]
    public void Unicode_and_large_integers_round_trip()
    {
        var json = Encode(new CallMessage(1, Empty, "p", WampArguments.From("100éfa ✓ 日本", 9007199254740992L, -1L, 1.25)));
        Assert.Contains("100éfa ✓ 日本", json, StringComparison.Ordinal);
        var call = (CallMessage)Decode(json);
        Assert.Equal("100éfa ✓ 日本", call.Arguments!.Get<string>(0));
        Assert.Equal(9007199254740992L, call.Arguments.Get<long>(1));
        Assert.Equal(-1, call.Arguments.Get<int>(2));
        Assert.Equal(1.25, call.Arguments.Get<double>(3));
    }

    public static TheoryData<string, string> MalformedFrames() => new()
    {
        { "not json", "Malformed" },
        { "{\"a\":1}", "must be a JSON array" },
        { "[]", "type code" },
        { "[\"x\"]", "type code" },
        { "[999,1]", "Unknown WAMP message type 999" },
        { "[50,\"7\",{}]", "CALL.Request must be an integer id" },
        { "[2,\"123\",{}]", "Session must be an integer id" },
        { "[50,9007199254740993,{}]", "integer id in [0, 2^53]" },
        { "[50,-1,{}]", "integer id" },
        { "[50,1]", "Details is missing" },
        { "[50,1,[]]", "Details must be a dictionary" },
        { "[50,1,{},{}]", "Arguments must be a list" },
        { "[50,1,{},[],[]]", "ArgumentsKw must be a dictionary" },
        { "[50,1,{},[],{},1]", "more elements" },
        { "[65,1,2,3]", "more elements" },
        { "[48,1,{},5]", "Procedure must be a string" },
        { "[50,1,{},[1,2", "Malformed" },
        { "[50,1,{}] trailing", "Malformed" },
        { "[36,1,2,{\"publisher\":\"x\"}]", "publisher" },
    };

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public void Malformed_frames_are_protocol_violations_with_a_clear_message(string frame, string expected)
    {
        var ex = Assert.Throws<WampProtocolViolationException>(() => Decode(frame));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampErrorUris.ProtocolViolation, ex.Error);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var ex = Assert.Throws<WampProtocolViolationException>(() => Decode($"[50,1,{{}},{deep}]"));
        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Received_payloads_outlive_the_frame_buffer()
    {
        var frame = Encoding.UTF8.GetBytes("""[50,1,{},["hello"],{"n":5}]""");
        var result = (ResultMessage)Serializer.Deserialize(frame);
        Array.Fill(frame, (byte)'x');
        Assert.Equal("hello", result.Arguments!.Get<string>(0));
        Assert.Equal(5, result.ArgumentsKw!.Get<int>("n"));
    }

    [Fact]
    public void Received_arguments_are_forwarded_byte_for_byte()
    {
        var invocation = (InvocationMessage)Decode("""[68,1,2,{},[1,{"a":[true,null]},"\u0000AQI="],{"k":"v"}]""");
        var json = Encode(new YieldMessage(1, Empty, invocation.Arguments, invocation.ArgumentsKw));
        Assert.Equal("""[70,1,{},[1,{"a":[true,null]},"\u0000AQI="],{"k":"v"}]""", json);
    }

    [Fact]
    public void Keyword_arguments_that_are_not_an_object_are_refused_at_send_time()
    {
        var ex = Assert.Throws<ArgumentException>(() => Encode(new CallMessage(1, Empty, "p", null, WampKeywordArguments.From(new[] { 1, 2 }))));
        Assert.Contains("dictionary or an object", ex.Message, StringComparison.Ordinal);
    }

    private static string Encode(WampMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serializer.Serialize(message, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static WampMessage Decode(string json) => Serializer.Deserialize(Encoding.UTF8.GetBytes(json));
}
