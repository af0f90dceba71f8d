using System.Buffers;
using System.Formats.Cbor;
using System.Text.Json;
using Wampy.Payload;
using Wampy.Serialization.Json;

namespace Wampy.Serialization.Cbor;

/// <summary>CBOR values to and from .NET values and JSON (the JSON side is how payloads bind to .NET types).</summary>
internal static class CborValues
{
    /// <summary>Reads one value as a plain .NET value: string, long, ulong, double, bool, null, byte[], object?[] or dictionary.</summary>
    public static object? Read(CborReader reader, int depth = 64)
    {
        if (depth <= 0)
        {
            throw new WampProtocolViolationException("Invalid WAMP message: nesting is deeper than the limit.");
        }

        switch (reader.PeekState())
        {
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            case CborReaderState.Undefined:
                reader.SkipValue();
                return null;
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.UnsignedInteger:
                var unsigned = reader.ReadUInt64();
                return unsigned <= long.MaxValue ? (long)unsigned : unsigned;
            case CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat:
                return reader.ReadDouble();
            case CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString:
                return reader.ReadTextString();
            case CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString:
                return reader.ReadByteString();
            case CborReaderState.StartArray:
            {
                var items = new List<object?>(reader.ReadStartArray() ?? 4);
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    items.Add(Read(reader, depth - 1));
                }

                reader.ReadEndArray();
                return items.ToArray();
            }

            case CborReaderState.StartMap:
                return ReadMap(reader, depth);
            case CborReaderState.Tag when IsBigNum(reader.PeekTag()):
                return ReadBigNum(reader);
            case CborReaderState.Tag:
                reader.ReadTag();
                return Read(reader, depth - 1);
            default:
                throw new WampProtocolViolationException($"Invalid WAMP message: CBOR {reader.PeekState()} values are not allowed.");
        }
    }

    /// <summary>
    /// Bignums (tags 2 and 3) are numbers, not byte strings: some encoders (node-cbor) use them for integers
    /// past 2^53. They become long or ulong when they fit, else the nearest double.
    /// </summary>
    private static object ReadBigNum(CborReader reader)
    {
        var value = reader.ReadBigInteger();
        return value >= long.MinValue && value <= long.MaxValue ? (long)value
            : value >= 0 && value <= ulong.MaxValue ? (ulong)value
            : (double)value;
    }

    private static bool IsBigNum(CborTag tag) => tag is CborTag.UnsignedBigNum or CborTag.NegativeBigNum;

    public static IReadOnlyDictionary<string, object?> ReadMap(CborReader reader, int depth)
    {
        var count = reader.ReadStartMap();
        if (count == 0)
        {
            reader.ReadEndMap();
            return WampDictionary.Empty;
        }

        var map = new Dictionary<string, object?>(count ?? 4, StringComparer.Ordinal);
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = reader.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString
                ? reader.ReadTextString()
                : throw new WampProtocolViolationException("Invalid WAMP message: dictionary keys must be strings.");
            map[key] = Read(reader, depth - 1);
        }

        reader.ReadEndMap();
        return map;
    }

    /// <summary>Writes a .NET value; objects other than primitives, binary, lists and dictionaries go through System.Text.Json.</summary>
    public static void Write(CborWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case string s:
                writer.WriteTextString(s);
                break;
            case bool b:
                writer.WriteBoolean(b);
                break;
            case int i:
                writer.WriteInt32(i);
                break;
            case long l:
                writer.WriteInt64(l);
                break;
            case ulong u:
                writer.WriteUInt64(u);
                break;
            case double d:
                writer.WriteDouble(d);
                break;
            case float f:
                writer.WriteDouble(f);
                break;
            case byte[] bytes:
                writer.WriteByteString(bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                writer.WriteByteString(memory.Span);
                break;
            case JsonElement element:
                WriteElement(writer, element);
                break;
            case WampArguments arguments:
                WriteArguments(writer, arguments, options);
                break;
            case WampKeywordArguments argumentsKw:
                WriteKeywordArguments(writer, argumentsKw, options);
                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                WriteMap(writer, dictionary, options);
                break;
            case object?[] array:
                writer.WriteStartArray(array.Length);
                foreach (var item in array)
                {
                    Write(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteElement(writer, JsonSerializer.SerializeToElement(value, WampJsonConvert.TypeInfo(options, value.GetType())));
                break;
        }
    }

    public static void WriteMap(CborWriter writer, IReadOnlyDictionary<string, object?> dictionary, JsonSerializerOptions options)
    {
        writer.WriteStartMap(dictionary.Count);
        foreach (var (key, item) in dictionary)
        {
            writer.WriteTextString(key);
            Write(writer, item, options);
        }

        writer.WriteEndMap();
    }

    public static void WriteArguments(CborWriter writer, WampArguments arguments, JsonSerializerOptions options)
    {
        if (arguments is CborEncodedArguments encoded)
        {
            writer.WriteEncodedValue(encoded.Bytes);
            return;
        }

        var count = arguments.Count;
        writer.WriteStartArray(count);
        for (var i = 0; i < count; i++)
        {
            Write(writer, arguments.GetRawValue(i), options);
        }

        writer.WriteEndArray();
    }

    public static void WriteKeywordArguments(CborWriter writer, WampKeywordArguments argumentsKw, JsonSerializerOptions options)
    {
        if (argumentsKw is CborEncodedKeywordArguments encoded)
        {
            writer.WriteEncodedValue(encoded.Bytes);
            return;
        }

        var value = argumentsKw.GetRawValue();
        if (value is IReadOnlyDictionary<string, object?> dictionary)
        {
            WriteMap(writer, dictionary, options);
            return;
        }

        var element = value as JsonElement? ?? JsonSerializer.SerializeToElement(value, WampJsonConvert.TypeInfo(options, value.GetType()));
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Keyword arguments must be a dictionary or an object; got {value.GetType().Name}.", nameof(argumentsKw));
        }

        WriteElement(writer, element);
    }

    /// <summary>Writes JSON as CBOR; strings in the WAMP binary convention become CBOR byte strings.</summary>
    public static void WriteElement(CborWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject())
                {
                    count++;
                }

                writer.WriteStartMap(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.WriteTextString(property.Name);
                    WriteElement(writer, property.Value);
                }

                writer.WriteEndMap();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.Length > 0 && text[0] == '\0')
                {
                    writer.WriteByteString(Convert.FromBase64String(text[1..]));
                }
                else
                {
                    writer.WriteTextString(text);
                }

                break;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    writer.WriteInt64(integer);
                }
                else if (element.TryGetUInt64(out var unsigned))
                {
                    writer.WriteUInt64(unsigned);
                }
                else
                {
                    writer.WriteDouble(element.GetDouble());
                }

                break;
            case JsonValueKind.True:
                writer.WriteBoolean(true);
                break;
            case JsonValueKind.False:
                writer.WriteBoolean(false);
                break;
            default:
                writer.WriteNull();
                break;
        }
    }

    /// <summary>Writes the CBOR value at the reader as JSON (byte strings as the WAMP binary convention).</summary>
    public static void Transcode(CborReader reader, Utf8JsonWriter json)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                json.WriteStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    Transcode(reader, json);
                }

                reader.ReadEndArray();
                json.WriteEndArray();
                break;
            case CborReaderState.StartMap:
                reader.ReadStartMap();
                json.WriteStartObject();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    json.WritePropertyName(Read(reader)?.ToString() ?? "null");
                    Transcode(reader, json);
                }

                reader.ReadEndMap();
                json.WriteEndObject();
                break;
            case CborReaderState.Tag when IsBigNum(reader.PeekTag()):
                JsonValueWriter.Write(json, ReadBigNum(reader), WampJsonConvert.DefaultOptions);
                break;
            case CborReaderState.Tag:
                reader.ReadTag();
                Transcode(reader, json);
                break;
            default:
                JsonValueWriter.Write(json, Read(reader), WampJsonConvert.DefaultOptions);
                break;
        }
    }

    /// <summary>Binds the CBOR value at the reader to <typeparamref name="T"/> through JSON (byte[] directly).</summary>
    public static T Bind<T>(CborReader reader, JsonSerializerOptions options)
    {
        // Fast paths for the common primitives; everything else binds through JSON like the JSON serializer does.
        var state = reader.PeekState();
        if (typeof(T) == typeof(byte[]) && state is CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString)
        {
            return (T)(object)reader.ReadByteString();
        }

        if (typeof(T) == typeof(string) && state is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString)
        {
            return (T)(object)reader.ReadTextString();
        }

        if (typeof(T) == typeof(long) && state is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger)
        {
            return (T)(object)reader.ReadInt64();
        }

        if (typeof(T) == typeof(int) && state is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger)
        {
            return (T)(object)reader.ReadInt32();
        }

        if (typeof(T) == typeof(bool) && state == CborReaderState.Boolean)
        {
            return (T)(object)reader.ReadBoolean();
        }

        var transcoder = PayloadTranscoder.Rent(options);
        try
        {
            Transcode(reader, transcoder.Writer);
            return transcoder.Deserialize<T>(options);
        }
        finally
        {
            PayloadTranscoder.Return(transcoder);
        }
    }
}
