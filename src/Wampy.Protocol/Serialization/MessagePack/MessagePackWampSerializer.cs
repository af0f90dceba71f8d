using System.Buffers;
using System.Text.Json;
using MessagePack;
using Wampy.Messages;
using Wampy.Serialization.Json;

namespace Wampy.Serialization.MessagePack;

/// <summary>
/// WAMP over MessagePack (<c>wamp.2.msgpack</c>) on the MessagePack package's low-level reader and writer. Binary
/// values travel as MessagePack binary; payloads stay encoded until bound, and bind to .NET types with the same
/// System.Text.Json rules as JSON.
/// </summary>
public sealed class MessagePackWampSerializer : IWampSerializer
{
    private readonly JsonSerializerOptions _options;
    private readonly int _maxDepth;

    /// <summary>Creates a MessagePack serializer.</summary>
    /// <param name="payloadOptions">How application values bind (System.Text.Json options); the defaults when <see langword="null"/>.</param>
    /// <param name="limits">Decoding limits; defaults when <see langword="null"/>.</param>
    public MessagePackWampSerializer(JsonSerializerOptions? payloadOptions = null, WampSerializerLimits? limits = null)
    {
        _options = WampJsonConvert.Prepare(payloadOptions);
        _maxDepth = (limits ?? new WampSerializerLimits()).MaxDepth;
    }

    /// <summary>A shared instance with the default options.</summary>
    public static MessagePackWampSerializer Default { get; } = new();

    /// <inheritdoc />
    public string Subprotocol => "wamp.2.msgpack";

    /// <inheritdoc />
    public bool IsBinary => true;

    /// <inheritdoc />
    public void Serialize(WampMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        var fields = new MessagePackFieldWriter(new MessagePackWriter(output), _options);
        MessageLayout.Write(ref fields, message);
    }

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlyMemory<byte> frame)
    {
        try
        {
            var fields = new MessagePackFieldReader(frame, _options, _maxDepth);
            var message = MessageLayout.Read(ref fields);
            WampMessageValidator.Validate(message);
            return message;
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or EndOfStreamException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw new WampProtocolViolationException($"Malformed WAMP MessagePack frame: {ex.Message}", ex);
        }
    }
}
