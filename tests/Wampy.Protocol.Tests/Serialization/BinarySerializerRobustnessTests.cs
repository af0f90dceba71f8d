using System.Buffers;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.MessagePack;
using Wampy.TestPeers;

namespace Wampy.Tests.Serialization;

/// <summary>Truncated, garbage, oversized and too-deep MessagePack and CBOR frames are protocol violations, never crashes or hangs.</summary>
public class BinarySerializerRobustnessTests
{
    public static TheoryData<string, string, string> BadFrames() => new()
    {
        // MessagePack
        { "msgpack", "", "Malformed" },
        { "msgpack", "c1", "" },                                   // the never-used code
        { "msgpack", "81a16101", "must be a MessagePack array" },    // a map
        { "msgpack", "9332", "Malformed" },                          // array of 3, truncated
        { "msgpack", "dd7fffffff32", "Malformed" },                  // array32 declaring 2^31 elements
        { "msgpack", "93cd03e701", "Unknown WAMP message type 999" },
        { "msgpack", "9332a1318080", "CALL.Request must be an integer id" },
        { "msgpack", "933201c0", "Details must be a dictionary" },   // RESULT details nil is fine... [50,1,nil] accepted? no: see below
        { "msgpack", "94320180a178", "Arguments must be a list" },
        { "msgpack", "943201808101", "Arguments must be a list" },
        { "msgpack", "92110a", "PUBLISHED: Publication is missing" },
        { "msgpack", "94410203ff", "more elements" },
        { "msgpack", "933201" + "80" + "00", "unexpected data" },
        // CBOR
        { "cbor", "", "Malformed" },
        { "cbor", "ff", "Malformed" },
        { "cbor", "a1616101", "must be a CBOR array" },
        { "cbor", "831832", "Malformed" },
        { "cbor", "9b7fffffffffffffff1832", "Malformed" },
        { "cbor", "821903e701", "Unknown WAMP message type 999" },
        { "cbor", "83183261316a", "CALL.Request must be an integer id" },
        { "cbor", "8418320a a0 6178".Replace(" ", string.Empty), "Arguments must be a list" },
        { "cbor", "84184103 04 05".Replace(" ", string.Empty), "more elements" },
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public void Bad_frames_are_protocol_violations(string format, string hex, string expected)
    {
        var serializer = WireFormats.For(format);
        var frame = Convert.FromHexString(hex);
        if (hex == "933201c0")
        {
            // RESULT with nil details: lenient, accepted as empty.
            Assert.Empty(((ResultMessage)serializer.Deserialize(frame)).Details);
            return;
        }

        var ex = Assert.Throws<WampProtocolViolationException>(() => serializer.Deserialize(frame));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public void Nesting_deeper_than_the_limit_is_rejected_in_arguments_and_details(string format)
    {
        var serializer = WireFormats.For(format);
        object? deep = 1L;
        for (var i = 0; i < 100; i++)
        {
            deep = new object?[] { deep };
        }

        var inArguments = serializer.Encode(new ResultMessage(1, WampDictionary.Empty, WampArguments.From(deep)));
        Assert.Matches("(?i)deeper than the limit|depth", Assert.Throws<WampProtocolViolationException>(() => serializer.Deserialize(inArguments)).Message);

        var inDetails = serializer.Encode(new ResultMessage(1, new Dictionary<string, object?> { ["x"] = deep }));
        Assert.Matches("(?i)deeper than the limit|depth", Assert.Throws<WampProtocolViolationException>(() => serializer.Deserialize(inDetails)).Message);
    }

    [Theory]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public void Every_truncation_of_a_valid_frame_is_rejected_cleanly(string format)
    {
        var serializer = WireFormats.For(format);
        var frame = serializer.Encode(new CallMessage(
            7, new Dictionary<string, object?> { ["timeout"] = 10L }, "com.example.proc",
            WampArguments.From("100éfa", new byte[] { 1, 2, 3 }, 1.5, 9007199254740992L),
            WampKeywordArguments.From(new Dictionary<string, object?> { ["k"] = new object?[] { "v", null } })));

        for (var length = 0; length < frame.Length; length++)
        {
            Assert.Throws<WampProtocolViolationException>(() => serializer.Deserialize(frame.AsMemory(0, length)));
        }

        Assert.Equal("com.example.proc", ((CallMessage)serializer.Deserialize(frame)).Procedure);
    }

    [Theory]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public void Random_garbage_never_escapes_as_anything_but_a_protocol_violation(string format)
    {
        var serializer = WireFormats.For(format);
        var random = new Random(4711);
        var buffer = new byte[64];
        for (var i = 0; i < 5000; i++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)(format == "msgpack" ? 0x90 | random.Next(8) : 0x80 | random.Next(8));
            try
            {
                serializer.Deserialize(buffer.AsMemory(0, random.Next(1, buffer.Length)));
            }
            catch (WampProtocolViolationException)
            {
            }
        }
    }


}
