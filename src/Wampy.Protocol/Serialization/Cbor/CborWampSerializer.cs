using System.Buffers;
using System.Formats.Cbor;
using System.Text.Json;
using Wampy.Messages;
using Wampy.Serialization.Json;

namespace Wampy.Serialization.Cbor;

/// <summary>
/// WAMP over CBOR (<c>wamp.2.cbor</c>) on System.Formats.Cbor. Binary values travel as CBOR byte strings; payloads
/// stay encoded until bound, and bind to .NET types with the same System.Text.Json rules as JSON.
/// </summary>
public sealed class CborWampSerializer : IWampSerializer
{
    [ThreadStatic]
    private static CborWriter? t_writer;

    private readonly JsonSerializerOptions _options;
    private readonly int _maxDepth;

    /// <summary>Creates a CBOR serializer.</summary>
    /// <param name="payloadOptions">How application values bind (System.Text.Json options); the defaults when <see langword="null"/>.</param>
    /// <param name="limits">Decoding limits; defaults when <see langword="null"/>.</param>
    public CborWampSerializer(JsonSerializerOptions? payloadOptions = null, WampSerializerLimits? limits = null)
    {
        _options = WampJsonConvert.Prepare(payloadOptions);
        _maxDepth = (limits ?? new WampSerializerLimits()).MaxDepth;
    }

    /// <summary>A shared instance with the default options.</summary>
    public static CborWampSerializer Default { get; } = new();

    /// <inheritdoc />
    public string Subprotocol => "wamp.2.cbor";

    /// <inheritdoc />
    public bool IsBinary => true;

    /// <inheritdoc />
    public void Serialize(WampMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        var writer = t_writer ??= new CborWriter(CborConformanceMode.Lax);
        writer.Reset();
        try
        {
            var fields = new CborFieldWriter(writer, _options);
            MessageLayout.Write(ref fields, message);
            var length = writer.BytesWritten;
            writer.Encode(output.GetSpan(length));
            output.Advance(length);
        }
        finally
        {
            writer.Reset();
        }
    }

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlyMemory<byte> frame)
    {
        try
        {
            var reader = CborReaderCache.Rent(frame);
            try
            {
                var fields = new CborFieldReader(reader, frame, _options, _maxDepth);
                var message = MessageLayout.Read(ref fields);
                WampMessageValidator.Validate(message);
                return message;
            }
            finally
            {
                CborReaderCache.Return(reader);
            }
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or OverflowException or FormatException or ArgumentException)
        {
            throw new WampProtocolViolationException($"Malformed WAMP CBOR frame: {ex.Message}", ex);
        }
    }
}
