using System.Buffers;
using System.Text.Json;
using Wampy.Messages;

namespace Wampy.Serialization.Json;

/// <summary>
/// WAMP over JSON (<c>wamp.2.json</c>) on System.Text.Json: frames are read with <see cref="Utf8JsonReader"/>
/// and written with a reused <see cref="Utf8JsonWriter"/>; payloads stay encoded until the application binds them.
/// </summary>
public sealed class JsonWampSerializer : IWampSerializer
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static JsonWampSerializer? t_writerOwner;

    private readonly JsonSerializerOptions _options;
    private readonly JsonWriterOptions _writerOptions;
    private readonly int _maxDepth;

    /// <summary>Creates a JSON serializer.</summary>
    /// <param name="payloadOptions">
    /// How application values bind to and from JSON; <see cref="WampJsonConvert.DefaultOptions"/> when
    /// <see langword="null"/>. WAMP binary converters are added to a copy.
    /// </param>
    /// <param name="limits">Decoding limits; defaults when <see langword="null"/>.</param>
    public JsonWampSerializer(JsonSerializerOptions? payloadOptions = null, WampSerializerLimits? limits = null)
    {
        _options = WampJsonConvert.Prepare(payloadOptions);
        _maxDepth = (limits ?? new WampSerializerLimits()).MaxDepth;
        _writerOptions = new JsonWriterOptions { Encoder = _options.Encoder, SkipValidation = true, MaxDepth = _maxDepth };
    }

    /// <summary>A shared instance with the default options.</summary>
    public static JsonWampSerializer Default { get; } = new();

    /// <inheritdoc />
    public string Subprotocol => "wamp.2.json";

    /// <inheritdoc />
    public bool IsBinary => false;

    /// <inheritdoc />
    public void Serialize(WampMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);

        var writer = t_writer;
        if (writer is null || !ReferenceEquals(t_writerOwner, this))
        {
            writer = t_writer = new Utf8JsonWriter(output, _writerOptions);
            t_writerOwner = this;
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            var fields = new JsonFieldWriter(writer, _options);
            MessageLayout.Write(ref fields, message);
            writer.Flush();
        }
        finally
        {
            writer.Reset();
        }
    }

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlyMemory<byte> frame) => new JsonMessageReader(frame.Span, _options, _maxDepth).Read();
}
