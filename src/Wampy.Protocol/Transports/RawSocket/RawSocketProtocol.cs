namespace Wampy.Transports.RawSocket;

/// <summary>The constants and encodings of the WAMP RawSocket transport (handshake and frame headers).</summary>
internal static class RawSocketProtocol
{
    /// <summary>The first octet of every handshake.</summary>
    public const byte Magic = 0x7F;

    /// <summary>Frame type of a WAMP message.</summary>
    public const byte RegularFrame = 0;

    /// <summary>Frame type of a PING (answered with a PONG carrying the same payload).</summary>
    public const byte PingFrame = 1;

    /// <summary>Frame type of a PONG.</summary>
    public const byte PongFrame = 2;

    /// <summary>The serializer id of a subprotocol: 1 JSON, 2 MessagePack, 3 CBOR, 4 UBJSON, 5 FlatBuffers; 0 when unknown.</summary>
    /// <param name="subprotocol">A WebSocket subprotocol name such as <c>wamp.2.json</c>.</param>
    /// <returns>The id.</returns>
    public static byte SerializerId(string subprotocol) => subprotocol switch
    {
        "wamp.2.json" => 1,
        "wamp.2.msgpack" => 2,
        "wamp.2.cbor" => 3,
        "wamp.2.ubjson" => 4,
        "wamp.2.flatbuffers" => 5,
        _ => 0,
    };

    /// <summary>The length exponent L announcing a maximum of 2^(9+L) bytes, the smallest that holds <paramref name="maxMessageSize"/>.</summary>
    /// <param name="maxMessageSize">The largest message to accept.</param>
    /// <returns>L in [0, 15].</returns>
    public static int LengthExponent(int maxMessageSize)
    {
        var exponent = 0;
        while (exponent < 15 && (1 << (9 + exponent)) < maxMessageSize)
        {
            exponent++;
        }

        return exponent;
    }

    /// <summary>The client's handshake: magic, (L &lt;&lt; 4) | serializer, two reserved zero octets.</summary>
    /// <param name="serializerId">The serializer id.</param>
    /// <param name="maxMessageSize">The largest message to accept.</param>
    /// <returns>The four octets.</returns>
    public static byte[] Handshake(byte serializerId, int maxMessageSize) =>
        [Magic, (byte)((LengthExponent(maxMessageSize) << 4) | serializerId), 0, 0];

    /// <summary>What a handshake error code means.</summary>
    /// <param name="code">The error code (upper nibble of the second octet when the serializer nibble is 0).</param>
    /// <returns>The explanation.</returns>
    public static string DescribeError(int code) => code switch
    {
        0 => "illegal error code 0",
        1 => "serializer unsupported",
        2 => "maximum message length unacceptable",
        3 => "use of reserved bits (unsupported feature)",
        4 => "maximum connection count reached",
        _ => $"unknown error {code}",
    };
}
