using System.Buffers;
using System.Text.Json;
using Wampy.Serialization.Json;

namespace Wampy.Serialization;

/// <summary>
/// A reusable JSON buffer and writer for binding binary-format payloads through System.Text.Json (one per thread),
/// so that MessagePack and CBOR values bind with exactly the JSON rules without allocating a writer per value.
/// </summary>
internal sealed class PayloadTranscoder
{
    [ThreadStatic]
    private static PayloadTranscoder? t_cached;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private JsonSerializerOptions? _options;

    private PayloadTranscoder(JsonSerializerOptions options)
    {
        _options = options;
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
    }

    public Utf8JsonWriter Writer { get; private set; }

    public static PayloadTranscoder Rent(JsonSerializerOptions options)
    {
        var transcoder = t_cached;
        t_cached = null;
        if (transcoder is null)
        {
            return new PayloadTranscoder(options);
        }

        if (!ReferenceEquals(transcoder._options, options))
        {
            transcoder._options = options;
            transcoder.Writer = new Utf8JsonWriter(transcoder._buffer, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
        }

        return transcoder;
    }

    public static void Return(PayloadTranscoder transcoder)
    {
        transcoder._buffer.ResetWrittenCount();
        transcoder.Writer.Reset(transcoder._buffer);
        if (transcoder._buffer.Capacity <= 64 * 1024)
        {
            t_cached = transcoder;
        }
    }

    public T Deserialize<T>(JsonSerializerOptions options)
    {
        Writer.Flush();
        return JsonSerializer.Deserialize(_buffer.WrittenSpan, WampJsonConvert.TypeInfo<T>(options))!;
    }
}
