using System.Buffers;
using Wampy.Messages;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;

namespace Wampy.TestPeers;

/// <summary>The serializers by their configuration names, and one-call encoding for tests that play the router.</summary>
public static class WireFormats
{
    /// <summary>The serializer named <c>json</c>, <c>msgpack</c> or <c>cbor</c>.</summary>
    public static IWampSerializer For(string name) => name switch
    {
        "json" => JsonWampSerializer.Default,
        "msgpack" => MessagePackWampSerializer.Default,
        "cbor" => CborWampSerializer.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "json, msgpack or cbor"),
    };

    /// <summary>One message as one frame.</summary>
    public static byte[] Encode(this IWampSerializer serializer, WampMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
