using System.Buffers;
using Wampy.Messages;

namespace Wampy.Serialization;

/// <summary>
/// Turns WAMP messages into frames and back. One instance serves many sessions at once, so implementations
/// are thread-safe. The JSON serializer ships with Wampy.Protocol; MessagePack and CBOR plug in the same way.
/// </summary>
public interface IWampSerializer
{
    /// <summary>The WebSocket subprotocol, e.g. <c>wamp.2.json</c>.</summary>
    string Subprotocol { get; }

    /// <summary>Whether frames are binary (MessagePack, CBOR) or text (JSON).</summary>
    bool IsBinary { get; }

    /// <summary>Writes one message as one frame.</summary>
    /// <param name="message">The message.</param>
    /// <param name="output">Where the frame's bytes go.</param>
    void Serialize(WampMessage message, IBufferWriter<byte> output);

    /// <summary>Reads one frame as one message.</summary>
    /// <param name="frame">The whole frame.</param>
    /// <returns>The message; payloads in it own their bytes and stay valid after <paramref name="frame"/> is reused.</returns>
    /// <exception cref="WampProtocolViolationException">The frame is not a valid WAMP message.</exception>
    WampMessage Deserialize(ReadOnlyMemory<byte> frame);
}
